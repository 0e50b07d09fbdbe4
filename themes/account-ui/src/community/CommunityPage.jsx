// The member's Community page: membership, reputation, roles and elections, from GET /me and friends.
import { Page, usePromise } from "@keycloak/keycloak-account-ui";
import { Spinner, Stack, StackItem } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCommunityApi } from "./api.js";
import { Elections } from "./Elections.jsx";
import { Membership } from "./Membership.jsx";
import { Profile } from "./Profile.jsx";
import { Reputation } from "./Reputation.jsx";
import { Roles } from "./Roles.jsx";

export const CommunityPage = () => {
  const { t } = useTranslation();
  const api = useCommunityApi();
  const [me, setMe] = useState();
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((v) => v + 1);
  // null: the realm has no community (404 community_not_enabled) or the API refused the console's token
  usePromise(() => api.get("/me").catch(() => null), setMe, [version]);

  if (me === undefined) return <Spinner />;
  if (me === null) {
    return <Page title={t("community")} description={t("communityUnavailable")}><span /></Page>;
  }
  const active = me.membership.status === "active";
  return (
    <Page title={me.community.name || t("community")} description={t("communityPageDescription")}>
      <Stack hasGutter>
        <StackItem><Membership me={me} onChange={reload} /></StackItem>
        {active && <StackItem><Profile me={me} /></StackItem>}
        {active && <StackItem><Reputation me={me} /></StackItem>}
        {active && <StackItem><Roles me={me} /></StackItem>}
        {active && <StackItem><Elections me={me} /></StackItem>}
      </Stack>
    </Page>
  );
};
