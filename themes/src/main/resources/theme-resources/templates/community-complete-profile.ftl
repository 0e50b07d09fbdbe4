<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('handle'); section>
    <#if section = "header">
        ${msg("communityCompleteProfileTitle")}
    <#elseif section = "form">
        <p id="community-complete-profile-intro">${msg("communityCompleteProfileIntro")}</p>
        <form id="kc-community-profile-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <div class="${properties.kcFormGroupClass!}">
                <label for="handle" class="${properties.kcLabelClass!}">${msg("communityHandle")}</label>
                <input type="text" id="handle" name="handle" value="${handle!''}" maxlength="30" autofocus
                       autocomplete="username" class="${properties.kcInputClass!}"
                       aria-invalid="<#if messagesPerField.existsError('handle')>true</#if>"/>
                <div class="${properties.kcInputHelperTextBeforeClass!}">${msg("communityHandleHelp")}</div>
                <#if messagesPerField.existsError('handle')>
                    <span id="input-error-handle" class="${properties.kcInputErrorMessageClass!}" aria-live="polite">
                        ${messagesPerField.get('handle')}
                    </span>
                </#if>
            </div>
            <div class="${properties.kcFormGroupClass!}">
                <input class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}"
                       type="submit" value="${msg("doSubmit")}"/>
                <#if postponable?? && postponable>
                    <button id="community-not-now" class="${properties.kcButtonClass!} ${properties.kcButtonDefaultClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}"
                            type="submit" name="postpone" value="true" formnovalidate>${msg("communityCompleteProfileLater")}</button>
                </#if>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
