import {
  Card, CardBody, CardTitle, DescriptionList, ExpandableSection, Label, Spinner, Title,
} from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Ballot } from "./Ballot.jsx";
import { Nominations } from "./Nominations.jsx";
import { Results } from "./Results.jsx";
import { Field, formatDateTime, localized } from "./format.jsx";

export const electionAnchor = (election) => `community-election-${election.id}`;

export const Elections = ({ me, elections, onChange }) => {
  const { t } = useTranslation();
  return (
    <Card>
      <CardTitle component="h2">{t("communityElections")}</CardTitle>
      <CardBody>
        {elections === undefined && <Spinner size="md" />}
        {elections?.length === 0 && <p>{t("communityNoElections")}</p>}
        {elections?.map((election) => (
          <Election key={election.id} election={election} me={me} onChange={onChange} />
        ))}
      </CardBody>
    </Card>
  );
};

const PHASE_COLORS = { nomination: "blue", voting: "green", closed: "orange", certified: "purple" };

const Election = ({ election, me, onChange }) => {
  const { t, i18n } = useTranslation();
  const [expanded, setExpanded] = useState(["nomination", "voting"].includes(election.phase));
  const when = (value) => formatDateTime(value, i18n.language);
  const toggle = (
    <span>
      {election.title} <Label isCompact color={PHASE_COLORS[election.phase] || "grey"}>{t(`communityPhase.${election.phase}`)}</Label>
      {election.you?.voted && <> <Label isCompact color="green" data-testid="community-voted-label">{t("communityVoted")}</Label></>}
    </span>
  );
  return (
    <div id={electionAnchor(election)}>
      <ExpandableSection toggleContent={toggle} isExpanded={expanded} onToggle={(_, open) => setExpanded(open)}
        className="pf-v5-u-mb-md" data-testid={`election-${election.title}`}>
        <p>{localized(election.description, i18n.language)}</p>
        <DescriptionList isCompact isHorizontal className="pf-v5-u-my-md" data-testid="community-election-facts">
          <Field term={t("communityMethodTerm")}>
            {t(`communityMethod.${election.method}`, election.method)}
            {election.seats > 1 && ` \u00b7 ${t("communitySeats", { seats: election.seats })}`}
          </Field>
          {election.nominationsOpenAt && <Field term={t("communityNominationsOpenTerm")}>{when(election.nominationsOpenAt)}</Field>}
          {election.votingOpensAt && <Field term={t("communityVotingOpensTerm")}>{when(election.votingOpensAt)}</Field>}
          {election.votingClosesAt && <Field term={t("communityVotingClosesTerm")}>{when(election.votingClosesAt)}</Field>}
          {election.winnerRole && (
            <Field term={t("communityWinnersReceive")}>
              {election.termDays
                ? t("communityRoleForDays", { role: t(`communityRole.${election.winnerRole}`, election.winnerRole), days: election.termDays })
                : t(`communityRole.${election.winnerRole}`, election.winnerRole)}
            </Field>
          )}
          {election.turnout != null && <Field term={t("communityTurnout")}><Turnout election={election} /></Field>}
        </DescriptionList>
        {election.question && <p><strong>{election.question}</strong></p>}
        {election.candidates?.length > 0 && (
          <>
            <Title headingLevel="h4" size="md" className="pf-v5-u-mt-md">{t("communityCandidates")}</Title>
            <dl>
              {election.candidates.map((c) => (
                <div key={c.id} className="pf-v5-u-mb-sm">
                  <dt><strong>{c.displayName || c.handle}</strong> ({c.handle})</dt>
                  <dd data-testid="candidate-statement">{c.statement}</dd>
                </div>
              ))}
            </dl>
          </>
        )}
        {election.phase === "nomination" && <Nominations election={election} me={me} onChange={onChange} />}
        {election.phase === "voting" && <Ballot election={election} onChange={onChange} />}
        {election.phase === "closed" && <p>{t("communityAwaitingCertification", { turnout: election.turnout })}</p>}
        {election.phase === "certified" && <Results election={election} />}
      </ExpandableSection>
    </div>
  );
};

export const Turnout = ({ election, turnout = election.turnout }) => {
  const { t } = useTranslation();
  const eligible = election.eligibleVoters;
  return eligible
    ? t("communityTurnoutOf", { voters: turnout, eligible, percent: Math.round((100 * turnout) / eligible) })
    : t("communityTurnoutVoters", { voters: turnout });
};
