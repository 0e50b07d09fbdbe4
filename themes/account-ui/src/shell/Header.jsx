// Keycloak's Account Console header, rebuilt on the PatternFly our page uses. The package's own Header and
// PageNav carry a private copy of PatternFly, whose sidebar toggle never reaches our <Page>: on a phone the
// menu stayed open over the page and the toggle did nothing.
import { useEnvironment } from "@keycloak/keycloak-account-ui";
import { KeycloakMasthead, label } from "@keycloak/keycloak-ui-shared";
import { Button, Text } from "@patternfly/react-core";
import { ExternalLinkSquareAltIcon } from "@patternfly/react-icons";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useHref } from "react-router-dom";

const joinPath = (base, path) => `${base.replace(/\/$/, "")}/${path.replace(/^\//, "")}`;

const ReferrerLink = () => {
  const { environment } = useEnvironment();
  const { t } = useTranslation();
  return environment.referrerUrl ? (
    <Button data-testid="referrer-link" component="a" href={environment.referrerUrl.replace("_hash_", "#")}
      variant="link" icon={<ExternalLinkSquareAltIcon />} iconPosition="right" isInline>
      {t("backTo", { app: label(t, environment.referrerName, environment.referrerUrl) })}
    </Button>
  ) : null;
};

export const Header = ({ communityName }) => {
  const { environment, keycloak } = useEnvironment();
  const { t } = useTranslation();
  const logoUrl = environment.logoUrl || "/";
  const internalLogoHref = useHref(logoUrl);
  // the masthead's phone-size account menu ("⋮") is a button without a name, and the masthead takes no label
  useEffect(() => {
    document.querySelector('[data-testid="options-kebab-toggle"]')?.setAttribute("aria-label", t("communityAccountMenu"));
  });
  return (
    <KeycloakMasthead
      data-testid="page-header"
      keycloak={keycloak}
      features={{ hasManageAccount: false }}
      brand={{
        href: logoUrl.startsWith("/") ? internalLogoHref : logoUrl,
        src: joinPath(environment.resourceUrl, environment.logo || "logo.svg"),
        alt: t("logo"),
        style: { height: 35 },
      }}
      toolbarItems={[
        communityName && <Text key="community" component="p" data-testid="community-name" className="pf-v5-u-font-weight-bold">{communityName}</Text>,
        <ReferrerLink key="link" />,
      ].filter(Boolean)}
    />
  );
};
