<#ftl output_format="plainText">
${msg("communityNoticeElectedBody", election, msg("communityRole." + role), termEnd)}
<#if communityUrl??>
${msg("communityNoticeOpen")}: ${communityUrl}
</#if>

${msg("communityNoticeFooter", community)}
