// What the Leaderboard and Members pages share: reading the community API, the page's situation when it
// cannot be read, paging, and labels for the realm's interest topics.
import { Page, getPersonalInfo, useAccountAlerts, useEnvironment } from "@keycloak/keycloak-account-ui";
import { AlertVariant, Button, EmptyState, EmptyStateBody, EmptyStateHeader, Spinner } from "@patternfly/react-core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useCommunityApi } from "../community/api.js";

/**
 * Reads `path` (a string, or null to read nothing) from the community API. The answer is
 * {state: "loading"} first, then "ok" with `data`, "join" (403: the caller is not an active member),
 * "unavailable" (404: the realm has no community) or "error" (anything else, also shown as an alert).
 * An answer that arrives after `path` changed is dropped, so fast typing never shows an older search.
 * A new `version` reads again (after a change); `error` is the API's error code, when it sent one.
 */
export function useCommunityRead(path, version = 0) {
  const { t } = useTranslation();
  const api = useCommunityApi();
  const { addAlert } = useAccountAlerts();
  const [answer, setAnswer] = useState({ state: "loading" });
  useEffect(() => {
    if (path === null) return undefined;
    let current = true;
    setAnswer((previous) => ({ ...previous, state: "loading" }));
    api.get(path).then(
      (data) => current && setAnswer({ state: "ok", data }),
      (error) => {
        if (!current) return;
        const state = error?.status === 403 ? "join" : error?.status === 404 || error?.status === 401 ? "unavailable" : "error";
        if (state === "error") addAlert(t("communityLoadFailed"), AlertVariant.danger);
        setAnswer({ state, error: error?.error });
      },
    );
    return () => {
      current = false;
    };
  }, [api, path, version]);
  return answer;
}

/** The page as it is when its list cannot be shown: not a member, no community here, or the API failed. */
export const Situation = ({ title, description, state, join }) => {
  const { t } = useTranslation();
  const { environment } = useEnvironment();
  const community = `${new URL(environment.baseUrl).pathname.replace(/\/$/, "")}/community`;
  const text = state === "join" ? join : state === "unavailable" ? t("communityUnavailable") : t("communityLoadFailed");
  return (
    <Page title={title} description={description}>
      <EmptyState variant="sm" data-testid="members-situation" data-state={state}>
        <EmptyStateHeader titleText={text} headingLevel="h2" />
        {state === "join" && (
          <EmptyStateBody>
            <Button component={Link} to={community} variant="secondary" data-testid="members-open-community">
              {t("communityOpenCommunity")}
            </Button>
          </EmptyStateBody>
        )}
      </EmptyState>
    </Page>
  );
};

export const Loading = () => {
  const { t } = useTranslation();
  return <Spinner aria-label={t("communityLoading")} data-testid="members-loading" />;
};

/** The list could not be read (the alert says so too). */
export const Failed = () => {
  const { t } = useTranslation();
  return (
    <EmptyState variant="xs" data-testid="members-failed">
      <EmptyStateHeader titleText={t("communityLoadFailed")} headingLevel="h2" />
    </EmptyState>
  );
};

export const PAGE_SIZE = 10;

/**
 * Paging over first/max without a total: the page asks for one row more than it shows, so `hasMore`
 * says whether there is a next page.
 */
export const Paging = ({ first, max, shown, hasMore, onChange }) => {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("communityPagination")} data-testid="members-paging"
      className="pf-v5-u-display-flex pf-v5-u-align-items-center pf-v5-u-justify-content-flex-end pf-v5-u-flex-wrap">
      <span className="pf-v5-u-mr-md" data-testid="members-paging-range">
        {t("communityShowing", { from: shown === 0 ? 0 : first + 1, to: first + shown })}
      </span>
      <Button variant="secondary" size="sm" className="pf-v5-u-mr-sm" isDisabled={first === 0}
        data-testid="members-previous" onClick={() => onChange(Math.max(0, first - max))}>
        {t("communityPreviousPage")}
      </Button>
      <Button variant="secondary" size="sm" isDisabled={!hasMore} data-testid="members-next" onClick={() => onChange(first + max)}>
        {t("communityNextPage")}
      </Button>
    </nav>
  );
};

/** The realm's interest topics, as Personal info offers them (the user profile's `interests` options). */
export function useInterestsAttribute() {
  const context = useEnvironment();
  const [attribute, setAttribute] = useState();
  useEffect(() => {
    const controller = new AbortController();
    getPersonalInfo({ signal: controller.signal, context }).then(
      (info) => setAttribute(info.userProfileMetadata?.attributes?.find((a) => a.name === "interests") ?? null),
      () => setAttribute(null),
    );
    return () => controller.abort();
  }, []);
  return attribute;
}

/** The topics to choose from: the attribute's options. */
export const topicOptions = (attribute) => {
  const options = attribute?.validators?.options?.options;
  return Array.isArray(options) ? options : [];
};

/** A topic's label as Personal info shows it: the attribute's option labels, else the topic itself. */
export const topicLabel = (t, interests, topic) => {
  const text = interests?.annotations?.inputOptionLabels?.[topic] || topic;
  const key = /^\$\{.*\}$/.test(text) ? text.slice(2, -1) : text;
  const prefix = interests?.annotations?.inputOptionLabelsI18nPrefix;
  return t(prefix ? `${prefix}.${key}` : key, { defaultValue: text === topic ? topic : key });
};

/** Only http(s) addresses become links; anything else a member typed stays text. */
export const isWebAddress = (value) => typeof value === "string" && /^https?:\/\/[^\s]+$/i.test(value);

export const WebsiteLink = ({ href, testid }) => {
  const { t } = useTranslation();
  if (!isWebAddress(href)) return <span>{href}</span>;
  return (
    <a href={href} rel="nofollow ugc noopener" target="_blank" data-testid={testid}>
      {href}
      <span className="pf-v5-screen-reader"> ({t("communityOpensInNewTab")})</span>
    </a>
  );
};
