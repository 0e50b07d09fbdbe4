// The Circles page: the member's own circles with their role or status, every circle they may see (search,
// a page at a time) with the action that fits, and founding a circle. Names are member-typed: text only.
import { Page } from "@keycloak/keycloak-account-ui";
import { Button, EmptyState, EmptyStateHeader, Flex, FlexItem, Stack, StackItem, TextInput, Title } from "@patternfly/react-core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Table } from "../community/format.jsx";
import { Failed, Loading, PAGE_SIZE, Paging, Situation, useCommunityRead } from "../members/common.jsx";
import { CircleLink, JoinAction, Standing } from "./common.jsx";
import { FoundCircle } from "./FoundCircle.jsx";

const CircleTable = ({ circles, testid, label, onChange }) => {
  const { t } = useTranslation();
  const headers = [t("communityCircleName"), t("communityCircleJoinPolicy"), t("communityCircleMembers"),
    t("communityCircleYou"), t("communityCircleAction")];
  return (
    <Table label={label} testid={testid} headers={headers}
      rowProps={(i) => ({ "data-testid": `${testid}-row`, "data-slug": circles[i].slug })}
      rows={circles.map((c) => [
        <CircleLink key="name" circle={c} />,
        t(`communityCircleJoinPolicy.${c.joinPolicy}`),
        c.memberCount,
        <Standing key="you" you={c.you} />,
        <JoinAction key="act" circle={c} onChange={onChange} />,
      ])} />
  );
};

export const CirclesPage = () => {
  const { t } = useTranslation();
  const [typed, setTyped] = useState("");
  const [search, setSearch] = useState("");
  const [first, setFirst] = useState(0);
  const [version, setVersion] = useState(0);
  const [founding, setFounding] = useState(false);
  const reload = () => setVersion((v) => v + 1);
  const max = PAGE_SIZE;
  useEffect(() => {
    const timer = setTimeout(() => { setSearch(typed.trim()); setFirst(0); }, 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const query = new URLSearchParams({ ...(search ? { search } : {}), first: String(first), max: String(max + 1) });
  const answer = useCommunityRead(`/circles?${query}`, version);
  // the member's own circles: those of the first hundred (by slug) where they have a row
  const mine = useCommunityRead("/circles?first=0&max=100", version);

  const title = t("communityCircles");
  const description = t("communityCirclesDescription");
  if (answer.state === "join" || answer.state === "unavailable") {
    return <Situation title={title} description={description} state={answer.state} join={t("communityCirclesJoin")} />;
  }
  const circles = answer.data ?? [];
  const shown = circles.slice(0, max);
  const own = (mine.data ?? []).filter((c) => c.you && c.you.status !== "banned");
  return (
    <Page title={title} description={description}>
      <Stack hasGutter data-testid="circles-page" data-state={answer.state} data-mine={mine.state}>
        <StackItem>
          <Flex justifyContent={{ default: "justifyContentSpaceBetween" }} alignItems={{ default: "alignItemsCenter" }}>
            <Title headingLevel="h2">{t("communityCirclesMine")}</Title>
            <Button onClick={() => setFounding(true)} data-testid="circles-found-open">{t("communityCircleFound")}</Button>
          </Flex>
        </StackItem>
        <StackItem>
          {mine.data && own.length === 0 && <p data-testid="circles-mine-empty">{t("communityCirclesMineEmpty")}</p>}
          {own.length > 0 && <CircleTable circles={own} testid="circles-mine" label={t("communityCirclesMine")} onChange={reload} />}
        </StackItem>
        <StackItem>
          <Flex direction={{ default: "column", md: "row" }} alignItems={{ md: "alignItemsCenter" }}>
            <FlexItem><Title headingLevel="h2">{t("communityCirclesBrowse")}</Title></FlexItem>
            <FlexItem grow={{ md: "grow" }}>
              <TextInput type="search" value={typed} placeholder={t("communityCirclesSearch")} aria-label={t("communityCirclesSearch")}
                maxLength={100} data-testid="circles-search" onChange={(_, value) => setTyped(value)} />
            </FlexItem>
          </Flex>
        </StackItem>
        <StackItem>
          {answer.state === "loading" && answer.data === undefined && <Loading />}
          {answer.state === "error" && <Failed />}
          {answer.data && shown.length === 0 && (
            <EmptyState variant="xs" data-testid="circles-empty">
              <EmptyStateHeader titleText={t("communityCirclesEmpty")} headingLevel="h3" />
            </EmptyState>
          )}
          {shown.length > 0 && <CircleTable circles={shown} testid="circles" label={t("communityCirclesBrowse")} onChange={reload} />}
        </StackItem>
        {answer.data && (first > 0 || circles.length > max) && (
          <StackItem><Paging first={first} max={max} shown={shown.length} hasMore={circles.length > max} onChange={setFirst} /></StackItem>
        )}
      </Stack>
      {founding && <FoundCircle onClose={() => setFounding(false)} />}
    </Page>
  );
};
