<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("communityNoticePromotedBody", msg("communityRole." + role))}</p>
<#if termEnd??><p>${msg("communityNoticePromotedUntil", termEnd)}</p></#if>
<#if communityUrl??><p><a href="${communityUrl}">${msg("communityNoticeOpen")}</a></p></#if>
<p><small>${msg("communityNoticeFooter", community)}</small></p>
</@layout.emailLayout>
