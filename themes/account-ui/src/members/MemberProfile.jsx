// One member's profile (GET /members/{handle}) in a modal. Everything the member typed is React text.
import { Avatar, Button, DescriptionList, DescriptionListDescription, DescriptionListGroup, DescriptionListTerm, Label,
  LabelGroup, Modal } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Failed, Loading, WebsiteLink, isWebAddress, topicLabel, useCommunityRead } from "./common.jsx";

const Field = ({ term, children, testid }) => (
  <DescriptionListGroup>
    <DescriptionListTerm>{term}</DescriptionListTerm>
    <DescriptionListDescription data-testid={testid}>{children}</DescriptionListDescription>
  </DescriptionListGroup>
);

const languageName = (code, locale) => {
  try {
    return new Intl.DisplayNames([locale], { type: "language" }).of(code) || code;
  } catch {
    return code;
  }
};

/** An avatar from the member's own address; when it does not load, nothing is shown in its place. */
export const MemberAvatar = ({ url, size }) => {
  const [failed, setFailed] = useState(false);
  if (!isWebAddress(url) || failed) return null;
  return <Avatar src={url} alt="" size={size} referrerPolicy="no-referrer" loading="lazy" onError={() => setFailed(true)} />;
};

export const MemberProfile = ({ handle, interests, onClose }) => {
  const { t, i18n } = useTranslation();
  const answer = useCommunityRead(`/members/${encodeURIComponent(handle)}`);
  const profile = answer.state === "ok" ? answer.data : null;
  return (
    <Modal variant="medium" isOpen onClose={onClose} showClose={false} data-testid="members-profile"
      title={profile?.displayName || handle}
      actions={[<Button key="close" variant="primary" onClick={onClose} data-testid="members-profile-close">{t("communityClose")}</Button>]}>
      {answer.state === "loading" && <Loading />}
      {(answer.state === "unavailable" || answer.state === "join") && <p data-testid="members-profile-hidden">{t("communityProfileHidden")}</p>}
      {answer.state === "error" && <Failed />}
      {profile && (
        <>
          <MemberAvatar url={profile.avatarUrl} size="lg" />
          <DescriptionList isHorizontal isCompact className="pf-v5-u-mt-md">
            <Field term={t("communityHandle")} testid="members-profile-handle">@{profile.handle}</Field>
            {profile.displayName && <Field term={t("communityDisplayName")}>{profile.displayName}</Field>}
            {profile.bio && (
              <Field term={t("communityAbout")} testid="members-profile-bio">
                <span style={{ whiteSpace: "pre-wrap" }}>{profile.bio}</span>
              </Field>
            )}
            {profile.interests?.length > 0 && (
              <Field term={t("communityInterests")}>
                <LabelGroup numLabels={10}>
                  {profile.interests.map((topic) => <Label key={topic} isCompact>{topicLabel(t, interests, topic)}</Label>)}
                </LabelGroup>
              </Field>
            )}
            {profile.location && <Field term={t("communityLocation")}>{profile.location}</Field>}
            {profile.website && <Field term={t("communityWebsite")}><WebsiteLink href={profile.website} testid="members-profile-website" /></Field>}
            {profile.languages?.length > 0 && (
              <Field term={t("communityProfileLanguages")}>
                {profile.languages.map((code) => languageName(code, i18n.language)).join(", ")}
              </Field>
            )}
            {profile.memberSince && (
              <Field term={t("communityMemberSince")}>
                {new Date(profile.memberSince).toLocaleDateString(i18n.language, { dateStyle: "medium" })}
              </Field>
            )}
            <Field term={t("communityPoints")} testid="members-profile-points">{profile.reputation}</Field>
            {profile.level && <Field term={t("communityLevel")}>{profile.levelName || profile.level}</Field>}
            {profile.badges?.length > 0 && (
              <Field term={t("communityBadges")}>
                <LabelGroup numLabels={10}>
                  {profile.badges.map((badge) => <Label key={badge} color="gold" isCompact>{badge}</Label>)}
                </LabelGroup>
              </Field>
            )}
          </DescriptionList>
        </>
      )}
    </Modal>
  );
};
