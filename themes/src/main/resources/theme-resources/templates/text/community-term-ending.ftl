<#ftl output_format="plainText">
${msg("communityNoticeTermEndingBody", msg("communityRole." + role), termEnd)}
<#if communityUrl??>
${msg("communityNoticeOpen")}: ${communityUrl}
</#if>

${msg("communityNoticeFooter", community)}
