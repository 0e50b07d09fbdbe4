<#ftl output_format="plainText">
${msg("communityNoticeCircleJoinedBody", circle)}
<#if communityUrl??>
${msg("communityNoticeOpen")}: ${communityUrl}
</#if>

${msg("communityNoticeFooter", community)}
