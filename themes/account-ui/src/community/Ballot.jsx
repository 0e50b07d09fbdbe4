import { useAccountAlerts } from "@keycloak/keycloak-account-ui";
import {
  ActionGroup, Alert, Button, Checkbox, Form, FormGroup, FormHelperText, FormSelect, FormSelectOption,
  HelperText, HelperTextItem, Radio, TextInput,
} from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCommunityApi, useErrorAlert } from "./api.js";
import { Secrets } from "./Secrets.jsx";

export const RANKED = ["irv", "meek-stv", "scottish-stv", "schulze"];

/**
 * Casts, changes and verifies the member's ballot. The first ballot returns a receipt (to share: it only
 * verifies) and a change key (secret: it changes the ballot); both live only in this page's memory.
 */
export const Ballot = ({ election, onChange }) => {
  const { t } = useTranslation();
  const api = useCommunityApi();
  const { addAlert } = useAccountAlerts();
  const showError = useErrorAlert();
  const [refused, setRefused] = useState();
  const [ranks, setRanks] = useState({});
  const [choices, setChoices] = useState([]);
  const [answer, setAnswer] = useState();
  const [receipt, setReceipt] = useState("");
  const [changeKey, setChangeKey] = useState("");
  const [issued, setIssued] = useState();
  const [verified, setVerified] = useState();
  const you = election.you || {};
  const voted = you.voted || issued;
  const candidates = election.candidates || [];
  const handleOf = (id) => candidates.find((c) => c.id === id)?.handle ?? id;
  const path = `/elections/${election.id}`;

  if (!you.mayVote) return <p>{t("communityNotEligible")}</p>;

  const content = () => {
    if (election.method === "referendum") return { answer };
    if (RANKED.includes(election.method)) {
      return { ranking: Object.entries(ranks).filter(([, r]) => r).sort((a, b) => a[1] - b[1]).map(([id]) => id) };
    }
    return { choices };
  };
  const cast = async (event) => {
    event.preventDefault();
    try {
      const answerBody = await api.put(`${path}/ballot`, { ...content(), ...(voted ? { changeKey } : {}) });
      if (answerBody.changeKey) {
        setIssued(answerBody);
        setChangeKey(answerBody.changeKey);
      }
      setReceipt(answerBody.receipt);
      setVerified(undefined);
      setRefused(undefined);
      addAlert(t(answerBody.changed ? "communityBallotChanged" : "communityBallotCast"));
      if (answerBody.changeKey) onChange();
    } catch (error) {
      setRefused(error.error === "already_voted" ? t("communityChangeKeyRefused") : undefined);
      showError(error);
    }
  };
  const verify = async (event) => {
    event.preventDefault();
    try {
      setVerified(await api.post(`${path}/receipt`, { receipt }));
    } catch (error) {
      setVerified({ included: false, message: error.message });
    }
  };
  const describeBallot = (ballot) =>
    ballot.answer ?? (ballot.ranking ?? ballot.choices ?? []).map((id, i) => `${i + 1}. ${handleOf(id)}`).join("  ");
  const hint = (text) => <FormHelperText><HelperText><HelperTextItem>{text}</HelperTextItem></HelperText></FormHelperText>;
  const duplicateRank = new Set(Object.values(ranks).filter(Boolean)).size !== Object.values(ranks).filter(Boolean).length;

  return (
    <>
      {issued && <Secrets election={election} issued={issued} />}
      {voted && !issued && (
        <Alert variant="info" isInline title={t("communityAlreadyVoted")} className="pf-v5-u-mb-md" data-testid="community-already-voted">
          {t("communityAlreadyVotedHelp")}
        </Alert>
      )}
      <Form onSubmit={cast}>
        {election.method === "referendum" && ["yes", "no"].map((value) => (
          <Radio key={value} id={`${election.id}-${value}`} name={`answer-${election.id}`} label={t(`communityAnswer.${value}`)}
            isChecked={answer === value} onChange={() => setAnswer(value)} />
        ))}
        {RANKED.includes(election.method) && (
          <FormGroup label={t("communityRankHelp")} fieldId={`ranks-${election.id}`}>
            {candidates.map((c) => (
              <div key={c.id} className="pf-v5-u-display-flex pf-v5-u-align-items-center pf-v5-u-mb-sm">
                <div style={{ width: "6em", flex: "none" }}>
                  <FormSelect id={`rank-${c.id}`} data-handle={c.handle} aria-label={t("communityRankFor", { handle: c.handle })}
                    value={ranks[c.id] || ""} onChange={(_, v) => setRanks({ ...ranks, [c.id]: v ? Number(v) : undefined })}>
                    <FormSelectOption value="" label="-" />
                    {candidates.map((_, i) => <FormSelectOption key={i} value={i + 1} label={String(i + 1)} />)}
                  </FormSelect>
                </div>
                <span className="pf-v5-u-ml-sm">{c.displayName || c.handle} ({c.handle})</span>
              </div>
            ))}
            {duplicateRank && <p className="pf-v5-u-danger-color-100">{t("communityDuplicateRank")}</p>}
          </FormGroup>
        )}
        {!RANKED.includes(election.method) && election.method !== "referendum" && candidates.map((c) => {
          const Control = election.method === "plurality" ? Radio : Checkbox;
          return (
            <Control key={c.id} id={`choice-${c.id}`} name={`choices-${election.id}`} label={`${c.displayName || c.handle} (${c.handle})`}
              isChecked={choices.includes(c.id)}
              onChange={(_, on) => setChoices(election.method === "plurality" ? [c.id] : on ? [...choices, c.id] : choices.filter((x) => x !== c.id))} />
          );
        })}
        {voted && (
          <FormGroup label={t("communityChangeKey")} fieldId={`change-key-${election.id}`}>
            <TextInput id={`change-key-${election.id}`} value={changeKey} onChange={(_, v) => setChangeKey(v)}
              autoComplete="off" data-testid="community-change-key-input" validated={refused ? "error" : "default"} />
            {refused
              ? <FormHelperText><HelperText><HelperTextItem variant="error" data-testid="community-change-refused">{refused}</HelperTextItem></HelperText></FormHelperText>
              : hint(t("communityChangeKeyHelp"))}
          </FormGroup>
        )}
        <ActionGroup>
          <Button type="submit" isDisabled={duplicateRank || (voted && !changeKey)} data-testid="community-cast">
            {t(voted ? "communityChangeBallot" : "communityCastBallot")}
          </Button>
        </ActionGroup>
      </Form>
      {voted && (
        <Form className="pf-v5-u-mt-md" onSubmit={verify}>
          <FormGroup label={t("communityReceipt")} fieldId={`receipt-${election.id}`}>
            <TextInput id={`receipt-${election.id}`} value={receipt} onChange={(_, v) => setReceipt(v)} />
            {hint(t("communityReceiptHelp"))}
          </FormGroup>
          <ActionGroup>
            <Button type="submit" variant="secondary" isDisabled={!receipt} data-testid="community-verify">{t("communityVerifyReceipt")}</Button>
          </ActionGroup>
        </Form>
      )}
      {verified && (
        <Alert className="pf-v5-u-mt-md" isInline variant={verified.included ? "success" : "danger"} data-testid="community-verified"
          title={verified.included ? t("communityReceiptIncluded") : t("communityReceiptNotFound")}>
          {verified.included && `${t("communityYourBallot")}: ${describeBallot(verified.ballot)}`}
        </Alert>
      )}
    </>
  );
};
