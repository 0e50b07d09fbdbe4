<#ftl output_format="plainText">
${msg("communityNoticeCircleInvitedBody", circle)}
<#if communityUrl??>
${msg("communityNoticeOpen")}: ${communityUrl}
</#if>

${msg("communityNoticeFooter", community)}
