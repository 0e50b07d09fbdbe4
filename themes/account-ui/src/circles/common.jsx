// What the Circles list and a circle's page share: the link to a circle, the reader's standing in it, and
// the one action that fits it (join, ask to join, accept an invitation, withdraw, leave after a question).
import { useAccountAlerts, useEnvironment } from "@keycloak/keycloak-account-ui";
import { Button, Label } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useCommunityApi, useErrorAlert } from "../community/api.js";
import { Confirm } from "../community/Confirm.jsx";

export const circlePath = (slug) => `/circles/${encodeURIComponent(slug)}`;

/** The route of the Circles page (or of one circle) inside the Account Console. */
export function useCirclesHref(slug) {
  const { environment } = useEnvironment();
  const base = `${new URL(environment.baseUrl).pathname.replace(/\/$/, "")}/community/circles`;
  return slug ? `${base}/${encodeURIComponent(slug)}` : base;
}

export const CircleLink = ({ circle }) => (
  <Link to={useCirclesHref(circle.slug)} data-testid="circles-open" data-slug={circle.slug}>{circle.name || circle.slug}</Link>
);

/** Runs an API call, then says `message` and calls `onDone`; an error is an alert in the member's language. */
export function useAction(onDone) {
  const { t } = useTranslation();
  const { addAlert } = useAccountAlerts();
  const showError = useErrorAlert();
  return (call, message) => async () => {
    try {
      const value = await call();
      if (message) addAlert(t(message));
      onDone?.(value);
      return true;
    } catch (error) {
      showError(error);
      return false;
    }
  };
}

/** The reader's place in a circle: their role when active, else requested, invited or banned. */
export const Standing = ({ you }) => {
  const { t } = useTranslation();
  if (!you) return <span data-testid="circles-standing" data-status="none">-</span>;
  const active = you.status === "active";
  return (
    <Label isCompact color={active ? "blue" : you.status === "banned" ? "red" : "orange"} data-testid="circles-standing"
      data-status={you.status} data-role={you.role || undefined}>
      {active ? t(`communityCircleRole.${you.role}`) : t(`communityCircleStatus.${you.status}`)}
    </Label>
  );
};

/** A member of a list by display name and handle; a private profile without either. */
export const MemberName = ({ member }) => {
  const { t } = useTranslation();
  if (!member.handle) return <em>{t("communityPrivateMember")}</em>;
  return (
    <span data-testid="circle-member-name" data-handle={member.handle}>
      <strong>{member.displayName || member.handle}</strong> <span className="pf-v5-u-color-200">@{member.handle}</span>
    </span>
  );
};

export const RoleLabel = ({ member }) => {
  const { t } = useTranslation();
  return (
    <>
      {member.role ? t(`communityCircleRole.${member.role}`) : t(`communityCircleStatus.${member.status}`)}
      {member.official && <>{" "}<Label isCompact color="gold" data-testid="circle-official">{t("communityCircleOfficial")}</Label></>}
    </>
  );
};

/** Join, ask to join, accept (or decline) an invitation, withdraw a request, or leave (after a question). */
export const JoinAction = ({ circle, onChange }) => {
  const { t } = useTranslation();
  const api = useCommunityApi();
  const act = useAction(onChange);
  const [confirming, setConfirming] = useState(false);
  const path = `${circlePath(circle.slug)}/membership`;
  const join = (message) => act(() => api.post(path), message);
  const leave = (message) => act(() => api.remove(path), message);
  const status = circle.you?.status;
  const button = (label, onClick, testid, variant = "primary") => (
    <Button size="sm" variant={variant} onClick={onClick} data-testid={testid} className="pf-v5-u-mr-sm">
      {t(label)}<span className="pf-v5-screen-reader"> ({circle.name})</span>
    </Button>
  );
  if (status === "active") {
    return (
      <>
        {button("communityCircleLeave", () => setConfirming(true), "circles-leave", "secondary")}
        <Confirm title={t("communityCircleLeaveTitle")} confirm={t("communityLeaveConfirm")} isOpen={confirming}
          onConfirm={async () => (await leave("communityCircleLeft")()) && setConfirming(false)}
          onCancel={() => setConfirming(false)} testid="circles-leave">
          <p data-testid="circles-leave-name"><strong>{circle.name}</strong></p>
          <p className="pf-v5-u-mt-sm">{t(circle.joinPolicy === "open" ? "communityCircleLeaveOpen" : "communityCircleLeaveWarning")}</p>
        </Confirm>
      </>
    );
  }
  if (status === "requested") return button("communityCircleWithdraw", leave("communityCircleWithdrawn"), "circles-withdraw", "secondary");
  if (status === "invited") {
    return (
      <>
        {button("communityCircleAccept", join("communityCircleJoined"), "circles-accept")}
        {button("communityCircleDecline", leave("communityCircleDeclined"), "circles-decline", "link")}
      </>
    );
  }
  if (status === "banned" || circle.status !== "active") return null;
  if (circle.joinPolicy === "open") return button("communityCircleJoin", join("communityCircleJoined"), "circles-join");
  if (circle.joinPolicy === "request") return button("communityCircleAsk", join("communityCircleAsked"), "circles-ask");
  return <span className="pf-v5-u-color-200" data-testid="circles-invite-only">{t("communityCircleInviteOnly")}</span>;
};
