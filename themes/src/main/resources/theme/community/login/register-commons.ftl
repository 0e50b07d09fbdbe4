<#-- Keycloak's terms acceptance (as in keycloak.v2), followed by the box that joins the new user to the community -->
<#macro termsAcceptance>
    <#if termsAcceptanceRequired??>
        <div class="form-group">
            <div class="${properties.kcInputWrapperClass!}">
                ${msg("termsTitle")}
                <div id="kc-registration-terms-text">
                    ${kcSanitize(msg("termsText"))?no_esc}
                </div>
            </div>
        </div>
        <div class="form-group">
            <div class="${properties.kcLabelWrapperClass!}">
                <input type="checkbox" id="termsAccepted" name="termsAccepted" class="${properties.kcCheckboxInputClass!}"
                       aria-invalid="<#if messagesPerField.existsError('termsAccepted')>true</#if>"
                />
                <label for="termsAccepted" class="${properties.kcLabelClass!}">${msg("acceptTerms")}</label>
            </div>
            <#if messagesPerField.existsError('termsAccepted')>
                <div class="${properties.kcLabelWrapperClass!}">
                    <span id="input-error-terms-accepted" class="${properties.kcInputErrorMessageClass!}" aria-live="polite">
                        ${messagesPerField.get('termsAccepted')}
                    </span>
                </div>
            </#if>
        </div>
    </#if>
    <#if communityJoinOffered??>
        <div class="${properties.kcFormGroupClass!}" id="community-join">
            <div class="${properties.kcLabelWrapperClass!}">
                <input type="checkbox" id="communityJoin" name="communityJoin" value="on" class="${properties.kcCheckboxInputClass!}"/>
                <label for="communityJoin" class="${properties.kcLabelClass!}">${msg("communityRegisterJoin", communityName)}</label>
            </div>
            <#if communityCodeOfConductVersion??>
                <div class="${properties.kcInputHelperTextBeforeClass!}" id="community-join-conduct">
                    ${msg("communityRegisterCodeOfConduct", communityCodeOfConductVersion)}
                    <#if communityCodeOfConductUrl??>
                        <a href="${communityCodeOfConductUrl}" target="_blank" rel="noopener noreferrer">${msg("communityCodeOfConductRead")}</a>
                    </#if>
                </div>
            </#if>
        </div>
    </#if>
</#macro>
