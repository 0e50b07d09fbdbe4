<#ftl output_format="plainText">
${msg("communityNoticeApprovedBody", community)}
<#if communityUrl??>
${msg("communityNoticeOpen")}: ${communityUrl}
</#if>

${msg("communityNoticeFooter", community)}
