import { useEnvironment, usePromise } from "@keycloak/keycloak-account-ui";
import { Avatar, Card, CardBody, CardTitle, DescriptionList, Flex, FlexItem } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { WebsiteLink, isWebAddress } from "../members/common.jsx";
import { useCommunityApi, useErrorAlert } from "./api.js";
import { Field, formatDate } from "./format.jsx";

/** The profile fields' labels, as Personal info shows them. */
const FIELD_KEYS = {
  handle: "communityHandle", displayName: "communityDisplayName", bio: "communityBio", interests: "communityInterests",
  location: "communityLocation", website: "communityWebsite", avatarUrl: "communityAvatarUrl", languages: "communityLanguages",
};


/** The member's public profile as others see it; edited under Personal info. Everything is shown as text. */
export const Profile = ({ me }) => {
  const { t, i18n } = useTranslation();
  const api = useCommunityApi();
  const { environment } = useEnvironment();
  const [profile, setProfile] = useState();
  const handle = me.profile.handle;
  const showError = useErrorAlert();
  usePromise(() => (handle ? api.get(`/members/${encodeURIComponent(handle)}`).catch((error) => { showError(error); return null; })
    : Promise.resolve(null)), setProfile, [handle]);
  const personalInfo = new URL(environment.baseUrl).pathname;
  const avatar = isWebAddress(profile?.avatarUrl) ? profile.avatarUrl : null;
  const missing = me.profile.missing || [];

  return (
    <Card>
      <CardTitle component="h2">{t("communityProfileHeader")}</CardTitle>
      <CardBody>
        {!handle && <p><a href={personalInfo}>{t("communityNoHandle")}</a></p>}
        {profile && (
          <Flex alignItems={{ default: "alignItemsFlexStart" }} flexWrap={{ default: "nowrap" }}>
            {avatar && <FlexItem><Avatar src={avatar} alt={t("communityAvatar")} size="lg" data-testid="community-avatar" /></FlexItem>}
            <FlexItem grow={{ default: "grow" }}>
              <DescriptionList isHorizontal data-testid="community-profile">
                <Field term={t("communityHandle")}>{profile.handle}</Field>
                {profile.displayName && <Field term={t("communityDisplayName")}>{profile.displayName}</Field>}
                {profile.bio && <Field term={t("communityBio")}><span data-testid="community-bio">{profile.bio}</span></Field>}
                {profile.interests?.length > 0 && (
                  <Field term={t("communityInterests")}>{profile.interests.map((i) => profile.interestNames?.[i] ?? i).join(", ")}</Field>
                )}
                {profile.location && <Field term={t("communityLocation")}>{profile.location}</Field>}
                {profile.website && (
                  <Field term={t("communityWebsite")}><WebsiteLink href={profile.website} testid="community-website" /></Field>
                )}
                {profile.memberSince && <Field term={t("communityMemberSince")}>{formatDate(profile.memberSince, i18n.language)}</Field>}
                <Field term={t("communityProfileVisibility")}>{t(`communityVisibility.${profile.visibility}`, profile.visibility)}</Field>
                <Field term={t("communityProfileCompleteness")}>
                  <span data-testid="community-completeness">{me.profile.completeness}%</span>
                  {me.profile.completeness < 100 && (
                    <>
                      {" \u00b7 "}
                      <a href={personalInfo} data-testid="community-complete-profile">
                        {missing.length > 0
                          ? t("communityProfileMissing", { fields: missing.map((f) => (FIELD_KEYS[f] ? t(FIELD_KEYS[f]) : f)).join(", ") })
                          : t("communityOpenPersonalInfo")}
                      </a>
                    </>
                  )}
                </Field>
              </DescriptionList>
            </FlexItem>
          </Flex>
        )}
      </CardBody>
    </Card>
  );
};
