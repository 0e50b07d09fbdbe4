// One circle (GET /circles/{slug}): its name and description (in the reader's language when there is one),
// kind, visibility, join policy, members with their roles (staff marked official), the reader's action;
// owners and moderators also run it here (see Moderation.jsx). Everything members typed is text.
import { Page, useEnvironment } from "@keycloak/keycloak-account-ui";
import { Button, Card, CardBody, CardTitle, DescriptionList, EmptyState, EmptyStateHeader, Stack, StackItem } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { Field, Table, formatDate, localized } from "../community/format.jsx";
import { Failed, Loading, Situation, useCommunityRead } from "../members/common.jsx";
import { JoinAction, MemberName, RoleLabel, Standing, circlePath, useCirclesHref } from "./common.jsx";
import { MemberActions, Moderation, moderates } from "./Moderation.jsx";

export const CirclePage = () => {
  const { t, i18n } = useTranslation();
  const { slug } = useParams();
  const { keycloak } = useEnvironment();
  const back = useCirclesHref();
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((v) => v + 1);
  const path = circlePath(slug);
  const answer = useCommunityRead(path, version);
  const members = useCommunityRead(answer.data ? `${path}/members?max=100` : null, version);
  const circle = answer.data;
  const backLink = <Button component={Link} to={back} variant="link" isInline data-testid="circle-back">{t("communityCirclesBack")}</Button>;

  if (answer.state === "join" || (answer.state === "unavailable" && answer.error !== "circle_not_found")) {
    return <Situation title={t("communityCircles")} state={answer.state} join={t("communityCirclesJoin")} />;
  }
  if (!circle) {
    return (
      <Page title={t("communityCircles")} description={backLink}>
        {answer.state === "loading" ? <Loading /> : answer.error === "circle_not_found" ? (
          <EmptyState variant="xs" data-testid="circle-not-found">
            <EmptyStateHeader titleText={t("communityCircleNotFound")} headingLevel="h2" />
          </EmptyState>
        ) : <Failed />}
      </Page>
    );
  }
  const runs = moderates(circle.you);
  const me = keycloak.tokenParsed?.sub;
  const list = members.data ?? [];
  const headers = [t("communityLeaderboardMember"), t("communityRole"), t("communitySince"),
    ...(runs ? [t("communityCircleAction")] : [])];
  const text = localized(circle.description, i18n.language);
  return (
    <Page title={circle.name} description={backLink}>
      <Stack hasGutter data-testid="circle-page" data-slug={circle.slug} data-state={answer.state} data-members={members.state}>
        <StackItem>
          <Card>
            <CardTitle component="h2">{t("communityCircleAbout")}</CardTitle>
            <CardBody>
              {text && <p className="pf-v5-u-mb-md" data-testid="circle-description" style={{ whiteSpace: "pre-line" }}>{text}</p>}
              <DescriptionList isHorizontal isCompact data-testid="circle-facts">
                <Field term={t("communityCircleKind")}>{t(`communityCircleKind.${circle.kind}`)}</Field>
                <Field term={t("communityCircleVisibility")}>{t(`communityCircleVisibility.${circle.visibility}`)}</Field>
                <Field term={t("communityCircleJoinPolicy")}>{t(`communityCircleJoinPolicy.${circle.joinPolicy}`)}</Field>
                {circle.status !== "active" && <Field term={t("communityStatus")}>{t(`communityCircleState.${circle.status}`)}</Field>}
                <Field term={t("communityCircleMembers")}>
                  <span data-testid="circle-member-count">{circle.memberCount}</span>{circle.maxMembers ? ` / ${circle.maxMembers}` : ""}
                </Field>
                <Field term={t("communityCircleYou")}><Standing you={circle.you} /></Field>
              </DescriptionList>
              <div className="pf-v5-u-mt-md"><JoinAction circle={circle} onChange={reload} /></div>
            </CardBody>
          </Card>
        </StackItem>
        {runs && <StackItem><Moderation circle={circle} version={version} onChange={reload} /></StackItem>}
        <StackItem>
          <Card>
            <CardTitle component="h2">{t("communityCircleMembers")}</CardTitle>
            <CardBody>
              {members.state === "loading" && members.data === undefined && <Loading />}
              {members.state === "join" && <p data-testid="circle-members-hidden">{t("communityCircleMembersHidden")}</p>}
              {list.length > 0 && (
                <Table label={t("communityCircleMembers")} testid="circle-members" headers={headers}
                  rowProps={(i) => ({ "data-testid": "circle-member", "data-user": list[i].userId, "data-role": list[i].role })}
                  rows={list.map((m) => [
                    <MemberName key="name" member={m} />,
                    <RoleLabel key="role" member={m} />,
                    formatDate(m.since, i18n.language),
                    ...(runs ? [<MemberActions key="act" circle={circle} member={m} me={me} onChange={reload} />] : []),
                  ])} />
              )}
            </CardBody>
          </Card>
        </StackItem>
      </Stack>
    </Page>
  );
};
