import { useAccountAlerts } from "@keycloak/keycloak-account-ui";
import {
  Button, Card, CardBody, CardTitle, Checkbox, DescriptionList, DescriptionListDescription,
  DescriptionListGroup, DescriptionListTerm,
} from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCommunityApi } from "./api.js";
import { Field, formatDate } from "./format.jsx";

export const Membership = ({ me, onChange }) => {
  const { t, i18n } = useTranslation();
  const api = useCommunityApi();
  const { addAlert, addError } = useAccountAlerts();
  const [accepted, setAccepted] = useState(false);
  const { membership, community } = me;
  const conduct = community.codeOfConductVersion;
  const member = ["active", "pending"].includes(membership.status);

  const join = async () => {
    try {
      await api.post("/membership", conduct ? { acceptedCodeOfConductVersion: conduct } : {});
      addAlert(t("communityJoined"));
      onChange();
    } catch (error) {
      addError(error.message);
    }
  };
  const leave = async () => {
    try {
      await api.remove("/membership");
      addAlert(t("communityLeft"));
      onChange();
    } catch (error) {
      addError(error.message);
    }
  };

  return (
    <Card>
      <CardTitle component="h2">{t("communityMembership")}</CardTitle>
      <CardBody>
        <DescriptionList isHorizontal>
          <Field term={t("communityStatus")}>{t(`communityStatus.${membership.status}`)}</Field>
          {membership.since && <Field term={t("communityMemberSince")}>{formatDate(membership.since, i18n.language)}</Field>}
          {conduct && (
            <DescriptionListGroup>
              <DescriptionListTerm>{t("communityCodeOfConduct")}</DescriptionListTerm>
              <DescriptionListDescription>
                {community.codeOfConductUrl
                  ? <a href={community.codeOfConductUrl} target="_blank" rel="noreferrer">{t("communityCodeOfConductVersion", { version: conduct })}</a>
                  : t("communityCodeOfConductVersion", { version: conduct })}
              </DescriptionListDescription>
            </DescriptionListGroup>
          )}
        </DescriptionList>
        {member ? (
          <Button variant="secondary" className="pf-v5-u-mt-md" onClick={leave}>{t("communityLeave")}</Button>
        ) : (
          <>
            {conduct && (
              <Checkbox id="community-accept-conduct" className="pf-v5-u-mt-md" isChecked={accepted}
                onChange={(_, checked) => setAccepted(checked)}
                label={t("communityAcceptCodeOfConduct", { version: conduct })} />
            )}
            <Button className="pf-v5-u-mt-md" isDisabled={conduct && !accepted} onClick={join}>{t("communityJoin")}</Button>
          </>
        )}
      </CardBody>
    </Card>
  );
};
