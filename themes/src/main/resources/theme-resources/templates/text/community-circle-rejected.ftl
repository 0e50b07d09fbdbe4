<#ftl output_format="plainText">
${msg("communityNoticeCircleRejectedBody", circle)}
<#if communityUrl??>
${msg("communityNoticeOpen")}: ${communityUrl}
</#if>

${msg("communityNoticeFooter", community)}
