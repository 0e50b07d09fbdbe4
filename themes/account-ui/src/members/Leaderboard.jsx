// The community's leaderboard (GET /leaderboard): this week, this month or all time, a page at a time.
// Names are text (never links or HTML); members with a private profile appear without a name.
import { Page, useEnvironment } from "@keycloak/keycloak-account-ui";
import { EmptyState, EmptyStateHeader, Label, Stack, StackItem, ToggleGroup, ToggleGroupItem } from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Failed, Loading, PAGE_SIZE, Paging, Situation, useCommunityRead } from "./common.jsx";

const PERIODS = [
  { id: "week", label: "communityPeriodWeek" },
  { id: "month", label: "communityPeriodMonth" },
  { id: "all", label: "communityPeriodAll" },
];

const Member = ({ entry, isYou }) => {
  const { t } = useTranslation();
  if (!entry.handle) {
    return <em data-testid="leaderboard-private">{t("communityPrivateMember")}</em>;
  }
  return (
    <span data-testid="leaderboard-member" data-handle={entry.handle}>
      <strong>{entry.displayName || entry.handle}</strong>{" "}
      {/* the muted grey lacks contrast on the own row's blue */}
      <span className={isYou ? undefined : "pf-v5-u-color-200"}>@{entry.handle}</span>
      {isYou && <>{" "}<Label color="blue" isCompact data-testid="leaderboard-you">{t("communityYou")}</Label></>}
    </span>
  );
};

export const Leaderboard = () => {
  const { t } = useTranslation();
  const { keycloak } = useEnvironment();
  const me = keycloak.tokenParsed?.sub;
  const [period, setPeriod] = useState("week");
  const [first, setFirst] = useState(0);
  const max = PAGE_SIZE;
  // one row more than the page shows tells whether there is a next page
  const answer = useCommunityRead(`/leaderboard?period=${period}&first=${first}&max=${max + 1}`);
  const title = t("communityLeaderboard");
  const description = t("communityLeaderboardDescription");

  if (answer.state === "join" || answer.state === "unavailable") {
    return <Situation title={title} description={description} state={answer.state} join={t("communityLeaderboardJoin")} />;
  }
  const entries = answer.data?.entries ?? [];
  const shown = entries.slice(0, max);
  const headers = { rank: t("communityRank"), member: t("communityLeaderboardMember"), points: t("communityPoints"), level: t("communityLevel") };
  return (
    <Page title={title} description={description}>
      <Stack hasGutter data-testid="leaderboard-page" data-state={answer.state}>
        <StackItem>
          <ToggleGroup aria-label={t("communityPeriod")} data-testid="leaderboard-periods">
            {PERIODS.map(({ id, label }) => (
              <ToggleGroupItem key={id} text={t(label)} buttonId={`leaderboard-period-${id}`} isSelected={period === id}
                onChange={() => { setPeriod(id); setFirst(0); }} />
            ))}
          </ToggleGroup>
        </StackItem>
        <StackItem>
          {answer.state === "loading" && answer.data === undefined && <Loading />}
          {answer.state === "error" && <Failed />}
          {answer.data && shown.length === 0 && (
            <EmptyState variant="xs" data-testid="leaderboard-empty">
              <EmptyStateHeader titleText={t("communityLeaderboardEmpty")} headingLevel="h2" />
            </EmptyState>
          )}
          {shown.length > 0 && (
            <Table aria-label={title} variant="compact" gridBreakPoint="grid-md" data-testid="leaderboard"
              data-period={answer.data.period} aria-busy={answer.state === "loading"}>
              <Thead>
                <Tr>
                  <Th width={10}>{headers.rank}</Th>
                  <Th>{headers.member}</Th>
                  <Th width={15}>{headers.points}</Th>
                  <Th width={20}>{headers.level}</Th>
                </Tr>
              </Thead>
              <Tbody>
                {shown.map((entry) => {
                  const isYou = Boolean(me) && entry.userId === me;
                  return (
                    <Tr key={entry.rank} isRowSelected={isYou} data-testid="leaderboard-row" data-rank={entry.rank}
                      data-you={isYou || undefined}
                      style={isYou ? { backgroundColor: "var(--pf-v5-global--palette--blue-50)" } : undefined}>
                      <Td dataLabel={headers.rank}>{entry.rank}</Td>
                      <Td dataLabel={headers.member}><Member entry={entry} isYou={isYou} /></Td>
                      <Td dataLabel={headers.points} data-testid="leaderboard-points">{entry.points}</Td>
                      <Td dataLabel={headers.level} data-testid="leaderboard-level">{entry.levelName || entry.level || "-"}</Td>
                    </Tr>
                  );
                })}
              </Tbody>
            </Table>
          )}
        </StackItem>
        {answer.data && (first > 0 || entries.length > max) && (
          <StackItem>
            <Paging first={first} max={max} shown={shown.length} hasMore={entries.length > max} onChange={setFirst} />
          </StackItem>
        )}
      </Stack>
    </Page>
  );
};
