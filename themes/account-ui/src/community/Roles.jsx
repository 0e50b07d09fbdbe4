import { Card, CardBody, CardTitle, List, ListItem, Title } from "@patternfly/react-core";
import { useTranslation } from "react-i18next";
import { Table, formatDate } from "./format.jsx";

export const Roles = ({ me }) => {
  const { t, i18n } = useTranslation();
  const progress = Object.entries(me.progress || {});
  return (
    <Card>
      <CardTitle component="h2">{t("communityRoles")}</CardTitle>
      <CardBody>
        {me.roles.length === 0 ? <p>{t("communityNoRoles")}</p> : (
          <Table label={t("communityRoles")}
            headers={[t("communityRole"), t("communitySource"), t("communitySince"), t("communityExpires")]}
            rows={me.roles.map((r) => [t(`communityRole.${r.role}`, r.role), t(`communitySource.${r.source}`, r.source),
              formatDate(r.since, i18n.language), formatDate(r.expiresAt, i18n.language) || "-"])} />
        )}
        {progress.length > 0 && (
          <>
            <Title headingLevel="h3" size="md" className="pf-v5-u-mt-lg">{t("communityProgress")}</Title>
            {progress.map(([role, conditions]) => (
              <div key={role} className="pf-v5-u-mt-sm">
                <strong>{t(`communityRole.${role}`, role)}</strong>
                <List>
                  {conditions.map((c) => (
                    <ListItem key={c.kind}>
                      {c.met ? "\u2713 " : "\u2717 "}{t(`communityCondition.${c.kind.split(":")[0]}`, c.kind)}
                      {typeof c.required !== "boolean" && `: ${c.current} / ${c.required}`}
                    </ListItem>
                  ))}
                </List>
              </div>
            ))}
          </>
        )}
      </CardBody>
    </Card>
  );
};
