import { useAccountAlerts } from "@keycloak/keycloak-account-ui";
import { ActionGroup, Button, Form, FormGroup, TextArea, TextInput } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCommunityApi, useErrorAlert } from "./api.js";

export const Nominations = ({ election, me, onChange }) => {
  const { t } = useTranslation();
  const api = useCommunityApi();
  const { addAlert } = useAccountAlerts();
  const showError = useErrorAlert();
  const [handle, setHandle] = useState("");
  const [statement, setStatement] = useState("");
  const path = `/elections/${election.id}`;
  const you = election.you || {};

  const run = (action, message) => async (event) => {
    event?.preventDefault();
    try {
      await action();
      addAlert(t(message));
      setHandle("");
      setStatement("");
      onChange();
    } catch (error) {
      showError(error);
    }
  };
  const statementField = (
    <FormGroup label={t("communityStatement")} fieldId={`statement-${election.id}`}>
      <TextArea id={`statement-${election.id}`} value={statement} onChange={(_, v) => setStatement(v)} maxLength={2000} />
    </FormGroup>
  );

  if (you.candidacy === "nominated") {
    return (
      <Form>
        <p>{t("communityYouAreNominated")}</p>
        {statementField}
        <ActionGroup>
          <Button onClick={run(() => api.put(`${path}/candidacy`, { accept: true, statement }), "communityCandidacyAccepted")}>{t("communityAcceptNomination")}</Button>
          <Button variant="link" onClick={run(() => api.put(`${path}/candidacy`, { accept: false }), "communityCandidacyDeclined")}>{t("communityDeclineNomination")}</Button>
        </ActionGroup>
      </Form>
    );
  }
  if (!you.mayVote) return <p>{t("communityNotEligible")}</p>;
  const nominate = () => api.post(`${path}/candidates`, handle ? { handle, statement } : { userId: me.userId, statement });
  return (
    <Form onSubmit={run(nominate, "communityNominated")}>
      <FormGroup label={t("communityNominateHandle")} fieldId={`nominee-${election.id}`}>
        <TextInput id={`nominee-${election.id}`} value={handle} onChange={(_, v) => setHandle(v)} placeholder={t("communityNominateYourself")} />
      </FormGroup>
      {statementField}
      <ActionGroup><Button type="submit">{t("communityNominate")}</Button></ActionGroup>
    </Form>
  );
};
