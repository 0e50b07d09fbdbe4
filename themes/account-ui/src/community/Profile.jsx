import { usePromise } from "@keycloak/keycloak-account-ui";
import { Card, CardBody, CardTitle, DescriptionList } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCommunityApi } from "./api.js";
import { Field } from "./format.jsx";

/** The member's public profile as others see it; edited under Personal info. Everything is shown as text. */
export const Profile = ({ me }) => {
  const { t } = useTranslation();
  const api = useCommunityApi();
  const [profile, setProfile] = useState();
  const handle = me.profile.handle;
  usePromise(() => (handle ? api.get(`/members/${encodeURIComponent(handle)}`) : Promise.resolve(null)), setProfile, [handle]);

  return (
    <Card>
      <CardTitle component="h2">{t("communityProfileHeader")}</CardTitle>
      <CardBody>
        {!handle && <p>{t("communityNoHandle")}</p>}
        {profile && (
          <DescriptionList isHorizontal data-testid="community-profile">
            <Field term={t("communityHandle")}>{profile.handle}</Field>
            {profile.displayName && <Field term={t("communityDisplayName")}>{profile.displayName}</Field>}
            {profile.bio && <Field term={t("communityBio")}><span data-testid="community-bio">{profile.bio}</span></Field>}
            {profile.interests?.length > 0 && <Field term={t("communityInterests")}>{profile.interests.join(", ")}</Field>}
            {profile.location && <Field term={t("communityLocation")}>{profile.location}</Field>}
            {profile.website && <Field term={t("communityWebsite")}>{profile.website}</Field>}
            <Field term={t("communityProfileVisibility")}>{t(`communityVisibility.${profile.visibility}`, profile.visibility)}</Field>
            <Field term={t("communityProfileCompleteness")}>{me.profile.completeness}%</Field>
          </DescriptionList>
        )}
      </CardBody>
    </Card>
  );
};
