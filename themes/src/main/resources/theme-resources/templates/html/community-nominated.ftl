<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("communityNoticeNominatedBody", election)}</p>
<#if nominator??><p>${msg("communityNoticeNominatedBy", nominator)}</p></#if>
<#if communityUrl??><p><a href="${communityUrl}">${msg("communityNoticeAccept")}</a></p></#if>
<p><small>${msg("communityNoticeFooter", community)}</small></p>
</@layout.emailLayout>
