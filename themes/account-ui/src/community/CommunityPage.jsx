// The member's Community page: what to do next, membership, profile, reputation, roles and elections.
import { Page, usePromise } from "@keycloak/keycloak-account-ui";
import { Spinner, Stack, StackItem } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCommunityApi, useErrorAlert } from "./api.js";
import { Elections } from "./Elections.jsx";
import { Membership } from "./Membership.jsx";
import { NextStep } from "./NextStep.jsx";
import { Profile } from "./Profile.jsx";
import { Reputation } from "./Reputation.jsx";
import { Roles } from "./Roles.jsx";

export const CommunityPage = () => {
  const { t } = useTranslation();
  const api = useCommunityApi();
  const showError = useErrorAlert();
  const [me, setMe] = useState();
  const [elections, setElections] = useState();
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((v) => v + 1);
  // null: the realm has no community (404 community_not_enabled) or the API refused the console's token
  usePromise(() => api.get("/me").catch(() => null), setMe, [version]);
  const active = me?.membership.status === "active";
  usePromise(() => (active ? api.get("/elections?max=20").catch((error) => { showError(error); return []; }) : Promise.resolve([])), setElections, [version, active]);

  if (me === undefined) return <Spinner />;
  if (me === null) {
    return <Page title={t("community")} description={t("communityUnavailable")}><span /></Page>;
  }
  return (
    <Page title={me.community.name || t("community")} description={t("communityPageDescription")}>
      <Stack hasGutter>
        <StackItem><NextStep me={me} elections={elections} /></StackItem>
        <StackItem><Membership me={me} onChange={reload} /></StackItem>
        {active && <StackItem><Profile me={me} /></StackItem>}
        {active && <StackItem><Reputation me={me} /></StackItem>}
        {active && <StackItem><Roles me={me} /></StackItem>}
        {active && <StackItem><Elections me={me} elections={elections} onChange={reload} /></StackItem>}
      </Stack>
    </Page>
  );
};
