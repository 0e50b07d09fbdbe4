import { usePromise } from "@keycloak/keycloak-account-ui";
import {
  Card, CardBody, CardTitle, DescriptionList, Label, LabelGroup, Progress, Title,
} from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCommunityApi, useErrorAlert } from "./api.js";
import { Field, Table, formatDate } from "./format.jsx";

const TIER_COLORS = { gold: "gold", silver: "grey", bronze: "orange" };

export const Reputation = ({ me }) => {
  const { t, i18n } = useTranslation();
  const api = useCommunityApi();
  const showError = useErrorAlert();
  const [history, setHistory] = useState([]);
  usePromise(() => api.get("/me/reputation?max=20").catch((error) => { showError(error); return []; }), setHistory, []);
  const { reputation } = me;
  const next = reputation.nextLevel;

  return (
    <Card>
      <CardTitle component="h2">{t("communityReputation")}</CardTitle>
      <CardBody>
        <DescriptionList isHorizontal>
          <Field term={t("communityPoints")}><span data-testid="community-points">{reputation.total}</span></Field>
          <Field term={t("communityLevel")}><span data-testid="community-level">{reputation.levelName || reputation.level || "-"}</span></Field>
          {reputation.dailyCap > 0 && (
            <Field term={t("communityPointsToday")}>{t("communityPointsTodayOf", { points: reputation.pointsToday, cap: reputation.dailyCap })}</Field>
          )}
        </DescriptionList>
        {next && (
          <Progress className="pf-v5-u-mt-md" value={Math.min(100, (100 * reputation.total) / next.threshold)}
            title={t("communityNextLevel", { level: next.levelName || next.name, missing: next.missing })}
            measureLocation="none" aria-label={t("communityNextLevel", { level: next.levelName || next.name, missing: next.missing })} />
        )}
        <Title headingLevel="h3" size="md" className="pf-v5-u-mt-lg">{t("communityBadges")}</Title>
        {reputation.badges.length === 0 ? <p>{t("communityNoBadges")}</p> : (
          <LabelGroup numLabels={20}>
            {reputation.badges.map((badge) => (
              <Label key={badge.id} color={TIER_COLORS[badge.tier] || "blue"} title={badge.description}>
                {badge.name} ({formatDate(badge.awardedAt, i18n.language)})
              </Label>
            ))}
          </LabelGroup>
        )}
        <Title headingLevel="h3" size="md" className="pf-v5-u-mt-lg">{t("communityHistory")}</Title>
        <Table label={t("communityHistory")} testid="community-history"
          headers={[t("communityDate"), t("communityEvent"), t("communityPoints"), t("communityTotal"), t("communityReason")]}
          rows={history.map((e) => [formatDate(e.createdAt, i18n.language), e.typeName || e.type, e.points > 0 ? `+${e.points}` : e.points, e.total, e.reason || ""])} />
      </CardBody>
    </Card>
  );
};
