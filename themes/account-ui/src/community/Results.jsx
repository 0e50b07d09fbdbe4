import { usePromise } from "@keycloak/keycloak-account-ui";
import { Button, Label, Title } from "@patternfly/react-core";
import { DownloadIcon } from "@patternfly/react-icons";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { download, useCommunityApi, useErrorAlert } from "./api.js";
import { Turnout } from "./Elections.jsx";
import { Table, formatDateTime } from "./format.jsx";

const slug = (title) => title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "election";

/**
 * The certified count: winners with their names, the turnout, one row per candidate and one column per round
 * (votes after the round; elected and eliminated marked), the quota, and the files anyone may recount from.
 */
export const Results = ({ election }) => {
  const { t, i18n } = useTranslation();
  const api = useCommunityApi();
  const showError = useErrorAlert();
  const [results, setResults] = useState();
  usePromise(() => api.get(`/elections/${election.id}/results`).catch((error) => { showError(error); return null; }), setResults, [election.id]);
  if (!results) return null;

  const byHandle = Object.fromEntries((election.candidates || []).map((c) => [c.handle, c]));
  const name = (handle) => (byHandle[handle]?.displayName ? `${byHandle[handle].displayName} (${handle})` : handle);
  const rows = results.candidateOrder?.length ? results.candidateOrder : Object.keys(results.rounds[0]?.votes || {});
  const cell = (round, who) => {
    const votes = round.votes[who];
    if (round.elected.includes(who)) return <span>{votes} <Label isCompact color="green">{t("communityElected")}</Label></span>;
    if (round.eliminated.includes(who)) return <span>{votes} <Label isCompact color="red">{t("communityEliminated")}</Label></span>;
    return votes ?? "\u2014";
  };
  const file = slug(election.title);
  const ballots = async () => {
    try {
      download(`${file}.blt`, await api.text(`/elections/${election.id}/ballots`));
    } catch (error) {
      showError(error);
    }
  };

  return (
    <div data-testid="community-results">
      <Title headingLevel="h4" size="md" className="pf-v5-u-mt-md">{t("communityResults")}</Title>
      <p><strong>{t("communityWinners")}:</strong> {results.winners.map(name).join(", ")}</p>
      <p>
        {t("communityBallotsCounted", { ballots: results.ballots, turnout: results.turnout })}
        {" \u00b7 "}<Turnout election={election} turnout={results.turnout} />
        {results.countedAt && ` \u00b7 ${t("communityCountedAt", { date: formatDateTime(results.countedAt, i18n.language) })}`}
      </p>
      {results.rounds.length > 0 && (
        <Table label={t("communityRounds")} testid="community-rounds"
          headers={[t("communityCandidate"), ...results.rounds.map((r) => t("communityRoundNumber", { number: r.number }))]}
          rows={[
            ...rows.map((who) => [name(who), ...results.rounds.map((r) => cell(r, who))]),
            ...(results.rounds.some((r) => r.quota) ? [[t("communityQuota"), ...results.rounds.map((r) => r.quota ?? "")]] : []),
          ]} />
      )}
      <div className="pf-v5-u-mt-md pf-v5-u-display-flex pf-v5-u-flex-wrap" style={{ gap: "var(--pf-v5-global--spacer--sm)" }}>
        {election.method !== "referendum" && (
          <Button variant="secondary" icon={<DownloadIcon />} onClick={ballots} data-testid="community-download-ballots">
            {t("communityDownloadBallots")}
          </Button>
        )}
        <Button variant="secondary" icon={<DownloadIcon />} data-testid="community-download-receipts"
          onClick={() => download(`${file}-receipt-hashes.txt`, `${results.receiptHashes.join("\n")}\n`)}>
          {t("communityDownloadReceipts")}
        </Button>
      </div>
    </div>
  );
};
