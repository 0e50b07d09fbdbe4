import { useAccountAlerts } from "@keycloak/keycloak-account-ui";
import {
  Button, Card, CardBody, CardTitle, Checkbox, DescriptionList, DescriptionListDescription, DescriptionListGroup,
  DescriptionListTerm, List, ListItem,
} from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCommunityApi, useErrorAlert } from "./api.js";
import { Confirm } from "./Confirm.jsx";
import { Field, formatDate, localized } from "./format.jsx";

export const Membership = ({ me, onChange }) => {
  const { t, i18n } = useTranslation();
  const api = useCommunityApi();
  const { addAlert } = useAccountAlerts();
  const showError = useErrorAlert();
  const [accepted, setAccepted] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const { membership, community } = me;
  const conduct = community.codeOfConductVersion;
  const member = ["active", "pending"].includes(membership.status);
  const pitch = localized(community.description, i18n.language);
  const benefits = localized(community.benefits, i18n.language) || [];

  const act = (call, message) => async () => {
    try {
      await call();
      addAlert(t(message));
      setConfirming(false);
      onChange();
    } catch (error) {
      showError(error);
    }
  };
  const join = act(() => api.post("/membership", conduct ? { acceptedCodeOfConductVersion: conduct } : {}), "communityJoined");
  const leave = act(() => api.remove("/membership"), "communityLeft");

  return (
    <Card id="community-membership">
      <CardTitle component="h2">{t("communityMembership")}</CardTitle>
      <CardBody>
        {!member && pitch && <p className="pf-v5-u-mb-md" data-testid="community-pitch">{pitch}</p>}
        {!member && benefits.length > 0 && (
          <List className="pf-v5-u-mb-md" data-testid="community-benefits">
            {benefits.map((b) => <ListItem key={b}>{b}</ListItem>)}
          </List>
        )}
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
          <Button variant="secondary" className="pf-v5-u-mt-md" onClick={() => setConfirming(true)} data-testid="community-leave">
            {t(membership.status === "pending" ? "communityWithdraw" : "communityLeave")}
          </Button>
        ) : (
          <>
            {conduct && (
              <Checkbox id="community-accept-conduct" className="pf-v5-u-mt-md" isChecked={accepted}
                onChange={(_, checked) => setAccepted(checked)}
                label={t("communityAcceptCodeOfConduct", { version: conduct })} />
            )}
            <Button className="pf-v5-u-mt-md" isDisabled={conduct && !accepted} onClick={join} data-testid="community-join">{t("communityJoin")}</Button>
          </>
        )}
        <Confirm title={t("communityLeaveTitle")} confirm={t("communityLeaveConfirm")} isOpen={confirming}
          onConfirm={leave} onCancel={() => setConfirming(false)} testid="community-leave">
          <p>{t("communityLeaveWarning")}</p>
          {me.roles.length > 0 && (
            <>
              <p className="pf-v5-u-mt-sm">{t("communityLeaveRoles")}</p>
              <List data-testid="community-leave-roles">
                {me.roles.map((r) => <ListItem key={r.role}>{t(`communityRole.${r.role}`, r.role)}</ListItem>)}
              </List>
            </>
          )}
          {me.circles?.length > 0 && (
            <>
              <p className="pf-v5-u-mt-sm">{t("communityLeaveCircles")}</p>
              <List>{me.circles.map((c) => <ListItem key={c.slug}>{c.name || c.slug}</ListItem>)}</List>
            </>
          )}
        </Confirm>
      </CardBody>
    </Card>
  );
};
