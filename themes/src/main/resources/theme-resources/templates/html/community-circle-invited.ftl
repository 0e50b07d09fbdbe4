<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("communityNoticeCircleInvitedBody", circle)}</p>
<#if communityUrl??><p><a href="${communityUrl}">${msg("communityNoticeOpen")}</a></p></#if>
<p><small>${msg("communityNoticeFooter", community)}</small></p>
</@layout.emailLayout>
