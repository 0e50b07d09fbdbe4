import { usePromise } from "@keycloak/keycloak-account-ui";
import { Card, CardBody, CardTitle, ExpandableSection, Label, Title } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCommunityApi } from "./api.js";
import { Ballot } from "./Ballot.jsx";
import { Nominations } from "./Nominations.jsx";
import { Results } from "./Results.jsx";
import { formatDate } from "./format.jsx";

const describe = (description, language) =>
  description?.[language] ?? description?.[language?.split("-")[0]] ?? description?.en ?? Object.values(description || {})[0];

export const Elections = ({ me }) => {
  const { t } = useTranslation();
  const api = useCommunityApi();
  const [elections, setElections] = useState();
  const [version, setVersion] = useState(0);
  usePromise(() => api.get("/elections?max=20"), setElections, [version]);
  const reload = () => setVersion((v) => v + 1);

  return (
    <Card>
      <CardTitle component="h2">{t("communityElections")}</CardTitle>
      <CardBody>
        {elections?.length === 0 && <p>{t("communityNoElections")}</p>}
        {elections?.map((election) => (
          <Election key={election.id} election={election} me={me} onChange={reload} />
        ))}
      </CardBody>
    </Card>
  );
};

const Election = ({ election, me, onChange }) => {
  const { t, i18n } = useTranslation();
  const [expanded, setExpanded] = useState(["nomination", "voting"].includes(election.phase));
  const toggle = (
    <span>
      {election.title} <Label isCompact color={election.phase === "voting" ? "green" : "grey"}>{t(`communityPhase.${election.phase}`)}</Label>
    </span>
  );
  return (
    <ExpandableSection toggleContent={toggle} isExpanded={expanded} onToggle={(_, open) => setExpanded(open)}
      className="pf-v5-u-mb-md" data-testid={`election-${election.title}`}>
      <p>{describe(election.description, i18n.language)}</p>
      <p className="pf-v5-u-color-200">
        {t(`communityMethod.${election.method}`, election.method)}
        {election.seats > 1 && ` \u00b7 ${t("communitySeats", { seats: election.seats })}`}
        {election.votingClosesAt && ` \u00b7 ${t("communityVotingCloses", { date: formatDate(election.votingClosesAt, i18n.language) })}`}
      </p>
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
  );
};
