<#ftl output_format="plainText">
${msg("communityNoticeNominatedBody", election)}
<#if nominator??>
${msg("communityNoticeNominatedBy", nominator)}
</#if>
<#if communityUrl??>
${msg("communityNoticeAccept")}: ${communityUrl}
</#if>

${msg("communityNoticeFooter", community)}
