<#ftl output_format="plainText">
${msg("communityNoticeCircleDeclinedBody", circle)}
<#if communityUrl??>
${msg("communityNoticeOpen")}: ${communityUrl}
</#if>

${msg("communityNoticeFooter", community)}
