// The one thing the member can do next, at the top of the page (a voter need not scroll to find the ballot).
import { useEnvironment } from "@keycloak/keycloak-account-ui";
import { Alert, AlertActionLink } from "@patternfly/react-core";
import { useTranslation } from "react-i18next";
import { electionAnchor } from "./Elections.jsx";

const go = (id) => () => {
  const target = document.getElementById(id);
  target?.scrollIntoView({ behavior: "smooth", block: "start" });
  // the first control of the ballot or form, so a keyboard user goes on from there
  (target?.querySelector("select, input:not([type=hidden]), textarea") ?? target?.querySelector("button"))?.focus({ preventScroll: true });
};

export function nextStep(me, elections = []) {
  const status = me.membership.status;
  if (status === "pending") return { key: "communityNextPending" };
  if (status !== "active") return { key: "communityNextJoin", target: "community-membership" };
  const nominated = elections.find((e) => e.phase === "nomination" && e.you?.candidacy === "nominated");
  if (nominated) return { key: "communityNextAnswer", election: nominated };
  const ballot = elections.find((e) => e.phase === "voting" && e.you?.mayVote && !e.you?.voted);
  if (ballot) return { key: "communityNextVote", election: ballot };
  const standing = elections.find((e) => e.phase === "nomination" && e.you?.mayStand && !e.you?.candidacy);
  if (standing) return { key: "communityNextStand", election: standing };
  if (!me.profile.handle || me.profile.completeness < 100) return { key: "communityNextProfile", profile: true };
  return { key: "communityNextNothing" };
}

export const NextStep = ({ me, elections }) => {
  const { t } = useTranslation();
  const { environment } = useEnvironment();
  const step = nextStep(me, elections);
  const target = step.election ? electionAnchor(step.election) : step.target;
  const action = step.profile
    ? <AlertActionLink component="a" href={new URL(environment.baseUrl).pathname}>{t("communityOpenPersonalInfo")}</AlertActionLink>
    : target && <AlertActionLink onClick={go(target)}>{t(`${step.key}Action`)}</AlertActionLink>;
  return (
    <Alert isInline variant={step.key === "communityNextNothing" ? "success" : "info"} data-testid="community-next-step"
      title={t(step.key, { election: step.election?.title })} actionLinks={action} />
  );
};
