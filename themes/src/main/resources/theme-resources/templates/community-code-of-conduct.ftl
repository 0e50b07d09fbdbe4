<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("communityCodeOfConductTitle")}
    <#elseif section = "form">
        <p id="community-coc-intro">${msg("communityCodeOfConductIntro", codeOfConductVersion!"")}</p>
        <#if codeOfConductUrl??>
            <p><a id="community-coc-link" href="${codeOfConductUrl}" target="_blank" rel="noopener noreferrer">${msg("communityCodeOfConductRead")}</a></p>
        </#if>
        <form id="kc-community-coc-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <div class="${properties.kcFormGroupClass!}">
                <input class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}"
                       name="accept" id="community-coc-accept" type="submit" value="${msg("communityCodeOfConductAccept")}"/>
                <input class="${properties.kcButtonClass!} ${properties.kcButtonDefaultClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}"
                       name="leave" id="community-coc-leave" type="submit" value="${msg("communityLeave")}"/>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
