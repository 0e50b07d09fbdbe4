<#ftl output_format="plainText">
${msg("communityNoticeCircleApprovedBody", circle)}
<#if communityUrl??>
${msg("communityNoticeOpen")}: ${communityUrl}
</#if>

${msg("communityNoticeFooter", community)}
