import { usePromise } from "@keycloak/keycloak-account-ui";
import { Title } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCommunityApi } from "./api.js";
import { Table } from "./format.jsx";

export const Results = ({ election }) => {
  const { t } = useTranslation();
  const api = useCommunityApi();
  const [results, setResults] = useState();
  usePromise(() => api.get(`/elections/${election.id}/results`), setResults, [election.id]);
  if (!results) return null;
  return (
    <div data-testid="community-results">
      <Title headingLevel="h4" size="md" className="pf-v5-u-mt-md">{t("communityResults")}</Title>
      <p><strong>{t("communityWinners")}:</strong> {results.winners.join(", ")}</p>
      <p>{t("communityBallotsCounted", { ballots: results.ballots, turnout: results.turnout })}</p>
      <Table label={t("communityRounds")}
        headers={[t("communityRound"), t("communityVotes"), t("communityElected"), t("communityEliminated")]}
        rows={results.rounds.map((r) => [r.number,
          Object.entries(r.votes).map(([who, n]) => `${who}: ${n}`).join(", ") + (r.quota ? ` (${t("communityQuota")} ${r.quota})` : ""),
          r.elected.join(", "), r.eliminated.join(", ")])} />
    </div>
  );
};
