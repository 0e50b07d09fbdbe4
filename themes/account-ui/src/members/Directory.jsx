// The member directory (GET /members): search by handle or display name, filter by one interest, a page
// of cards at a time; a member's name opens their profile. Everything the members typed is React text.
import { Page } from "@keycloak/keycloak-account-ui";
import {
  Button, Card, CardBody, CardHeader, CardTitle, DescriptionList, DescriptionListDescription, DescriptionListGroup,
  DescriptionListTerm, EmptyState, EmptyStateHeader, Flex, FlexItem, FormSelect, FormSelectOption, Gallery, Label, LabelGroup,
  Stack, StackItem, TextInput,
} from "@patternfly/react-core";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  Failed, Loading, PAGE_SIZE, Paging, Situation, WebsiteLink, topicLabel, topicOptions, useCommunityRead, useInterestsAttribute,
} from "./common.jsx";
import { MemberAvatar, MemberProfile } from "./MemberProfile.jsx";

const Field = ({ term, children }) => (
  <DescriptionListGroup>
    <DescriptionListTerm>{term}</DescriptionListTerm>
    <DescriptionListDescription>{children}</DescriptionListDescription>
  </DescriptionListGroup>
);

const MemberCard = ({ member, interests, onOpen }) => {
  const { t } = useTranslation();
  return (
    <Card isCompact isFullHeight data-testid="members-card" data-handle={member.handle}>
      <CardHeader>
        <div className="pf-v5-u-display-flex pf-v5-u-align-items-center">
          <MemberAvatar url={member.avatarUrl} size="md" />
          <CardTitle component="h2" className="pf-v5-u-ml-sm">
            <Button variant="link" isInline onClick={onOpen} data-testid="members-open">
              {member.displayName || member.handle}
            </Button>
            <div className="pf-v5-u-font-size-sm pf-v5-u-color-200 pf-v5-u-font-weight-normal" data-testid="members-handle">
              @{member.handle}
            </div>
          </CardTitle>
        </div>
      </CardHeader>
      <CardBody>
        <DescriptionList isCompact isHorizontal>
          {member.location && <Field term={t("communityLocation")}>{member.location}</Field>}
          {member.interests?.length > 0 && (
            <Field term={t("communityInterests")}>
              <LabelGroup numLabels={10}>
                {member.interests.map((topic) => <Label key={topic} isCompact>{topicLabel(t, interests, topic)}</Label>)}
              </LabelGroup>
            </Field>
          )}
          <Field term={t("communityLevel")}>{member.levelName || member.level || "-"}</Field>
          {member.website && <Field term={t("communityWebsite")}><WebsiteLink href={member.website} testid="members-website" /></Field>}
        </DescriptionList>
      </CardBody>
    </Card>
  );
};

export const Directory = () => {
  const { t } = useTranslation();
  const [typed, setTyped] = useState("");
  const [search, setSearch] = useState("");
  const [interest, setInterest] = useState("");
  const [first, setFirst] = useState(0);
  const max = PAGE_SIZE;
  const [open, setOpen] = useState(null);
  const interestsAttribute = useInterestsAttribute();

  // the search follows the typing once it pauses
  useEffect(() => {
    const timer = setTimeout(() => {
      setSearch(typed.trim());
      setFirst(0);
    }, 300);
    return () => clearTimeout(timer);
  }, [typed]);

  const query = new URLSearchParams();
  if (search) query.set("search", search);
  if (interest) query.set("interest", interest);
  query.set("first", String(first));
  query.set("max", String(max + 1));
  const answer = useCommunityRead(`/members?${query}`);

  // the realm's topics; without them, the interests members have shown so far
  const [seen, setSeen] = useState([]);
  useEffect(() => {
    const found = (answer.data ?? []).flatMap((m) => m.interests ?? []);
    if (found.some((topic) => !seen.includes(topic))) setSeen((s) => [...new Set([...s, ...found])].sort());
  }, [answer.data]);
  const topics = useMemo(() => {
    const options = topicOptions(interestsAttribute);
    return options.length > 0 ? options : seen;
  }, [interestsAttribute, seen]);

  const title = t("communityDirectory");
  const description = t("communityDirectoryDescription");
  if (answer.state === "join" || answer.state === "unavailable") {
    return <Situation title={title} description={description} state={answer.state} join={t("communityDirectoryJoin")} />;
  }
  const members = answer.data ?? [];
  const shown = members.slice(0, max);
  return (
    <Page title={title} description={description}>
      <Stack hasGutter data-testid="members-page" data-state={answer.state}>
        <StackItem>
          <Flex spaceItems={{ default: "spaceItemsMd" }} direction={{ default: "column", md: "row" }}>
            <FlexItem grow={{ md: "grow" }}>
              <TextInput type="search" value={typed} placeholder={t("communitySearchMembers")} aria-label={t("communitySearchMembers")}
                maxLength={100} data-testid="members-search" onChange={(_, value) => setTyped(value)} />
            </FlexItem>
            <FlexItem>
              <FormSelect value={interest} aria-label={t("communityInterestFilter")} data-testid="members-interest"
                onChange={(_, value) => { setInterest(value); setFirst(0); }}>
                <FormSelectOption value="" label={t("communityAllInterests")} />
                {topics.map((topic) => <FormSelectOption key={topic} value={topic} label={topicLabel(t, interestsAttribute, topic)} />)}
              </FormSelect>
            </FlexItem>
          </Flex>
        </StackItem>
        <StackItem>
          {answer.state === "loading" && answer.data === undefined && <Loading />}
          {answer.state === "error" && <Failed />}
          {answer.data && shown.length === 0 && (
            <EmptyState variant="xs" data-testid="members-empty">
              <EmptyStateHeader titleText={t("communityDirectoryEmpty")} headingLevel="h2" />
            </EmptyState>
          )}
          {shown.length > 0 && (
            <Gallery hasGutter minWidths={{ default: "100%", md: "300px" }} data-testid="members-results"
              aria-busy={answer.state === "loading"}>
              {shown.map((member) => (
                <MemberCard key={member.handle} member={member} interests={interestsAttribute}
                  onOpen={() => setOpen(member.handle)} />
              ))}
            </Gallery>
          )}
        </StackItem>
        {answer.data && (first > 0 || members.length > max) && (
          <StackItem>
            <Paging first={first} max={max} shown={shown.length} hasMore={members.length > max} onChange={setFirst} />
          </StackItem>
        )}
      </Stack>
      {open && <MemberProfile handle={open} interests={interestsAttribute} onClose={() => setOpen(null)} />}
    </Page>
  );
};
