<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("communityNoticeElectedBody", election, msg("communityRole." + role), termEnd)}</p>
<#if communityUrl??><p><a href="${communityUrl}">${msg("communityNoticeOpen")}</a></p></#if>
<p><small>${msg("communityNoticeFooter", community)}</small></p>
</@layout.emailLayout>
