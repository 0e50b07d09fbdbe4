<#ftl output_format="plainText">
${msg("communityNoticePromotedBody", msg("communityRole." + role))}
<#if termEnd??>
${msg("communityNoticePromotedUntil", termEnd)}
</#if>
<#if communityUrl??>
${msg("communityNoticeOpen")}: ${communityUrl}
</#if>

${msg("communityNoticeFooter", community)}
