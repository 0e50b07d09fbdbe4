// The receipt and the change key, shown once after the first ballot: to copy, or to download as a small file;
// until the member saved them, leaving the page asks first.
import { Alert, AlertActionLink, ClipboardCopy } from "@patternfly/react-core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { download } from "./api.js";

export const Secrets = ({ election, issued }) => {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (saved) return undefined;
    const warn = (event) => {
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [saved]);

  const save = () => {
    download(`ballot-${election.id}.txt`, [
      t("communitySecretsFileTitle", { election: election.title }),
      "",
      `${t("communityReceipt")}: ${issued.receipt}`,
      t("communityReceiptShare"),
      "",
      `${t("communityChangeKey")}: ${issued.changeKey}`,
      t("communityChangeKeyKeep"),
      "",
    ].join("\n"));
    setSaved(true);
  };
  const copy = (field) => ({
    isReadOnly: true, hoverTip: t("communityCopy"), clickTip: t("communityCopied"), "data-testid": field,
    onCopy: (event, text) => {
      navigator.clipboard?.writeText(String(text)).catch(() => {});
      if (field === "community-change-key") setSaved(true);
    },
  });
  return (
    <Alert variant={saved ? "success" : "warning"} isInline title={t("communityKeepCodes")} className="pf-v5-u-mb-md"
      data-testid="community-secrets"
      actionLinks={<AlertActionLink onClick={save} data-testid="community-download-secrets">{t("communityDownloadSecrets")}</AlertActionLink>}>
      <p>{t("communityReceiptShare")}</p>
      <ClipboardCopy {...copy("community-receipt")} className="pf-v5-u-mb-sm">{issued.receipt}</ClipboardCopy>
      <p>{t("communityChangeKeyKeep")}</p>
      <ClipboardCopy {...copy("community-change-key")}>{issued.changeKey}</ClipboardCopy>
      {!saved && <p className="pf-v5-u-mt-sm pf-v5-u-font-weight-bold">{t("communitySecretsUnsaved")}</p>}
    </Alert>
  );
};
