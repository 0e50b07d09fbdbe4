// Founding a circle (POST /circles): slug, name, a description in the member's language, visibility, join
// policy and topic. A refusal about one field is said at that field; any other refusal is an alert.
import { useAccountAlerts } from "@keycloak/keycloak-account-ui";
import {
  Button, Form, FormGroup, FormHelperText, FormSelect, FormSelectOption, HelperText, HelperTextItem, Modal, TextArea, TextInput,
} from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { useCommunityApi, useErrorAlert } from "../community/api.js";
import { topicLabel, topicOptions, useInterestsAttribute } from "../members/common.jsx";
import { useCirclesHref } from "./common.jsx";

const FIELDS = { slug_taken: "slug", invalid_slug: "slug", invalid_name: "name", invalid_description: "description", invalid_topic: "topic" };
const VISIBILITIES = ["public", "members", "secret"];
const POLICIES = ["open", "request", "invite"];

const Help = ({ id, error, hint }) =>
  error || hint ? (
    <FormHelperText>
      <HelperText id={id}>
        <HelperTextItem variant={error ? "error" : "default"} data-testid={error ? `${id}-error` : undefined}>{error || hint}</HelperTextItem>
      </HelperText>
    </FormHelperText>
  ) : null;

export const FoundCircle = ({ onClose }) => {
  const { t, i18n } = useTranslation();
  const api = useCommunityApi();
  const { addAlert } = useAccountAlerts();
  const showError = useErrorAlert();
  const navigate = useNavigate();
  const circles = useCirclesHref();
  const interests = useInterestsAttribute();
  const [form, setForm] = useState({ slug: "", name: "", description: "", visibility: "public", joinPolicy: "open", topic: "" });
  const [errors, setErrors] = useState({});
  const [busy, setBusy] = useState(false);
  const set = (field) => (_, value) => { setForm((f) => ({ ...f, [field]: value })); setErrors((e) => ({ ...e, [field]: undefined })); };
  const language = (i18n.language || "en").split("-")[0];

  const submit = async (event) => {
    event.preventDefault();
    setBusy(true);
    try {
      const { description, ...rest } = form;
      const circle = await api.post("/circles", { ...rest, description: description.trim() ? { [language]: description } : {} });
      addAlert(t(circle.status === "pending" ? "communityCircleFoundedPending" : "communityCircleFounded"));
      onClose();
      navigate(`${circles}/${encodeURIComponent(circle.slug)}`);
    } catch (error) {
      const field = FIELDS[error?.error];
      if (field) setErrors({ [field]: t(`communityError.${error.error}`, { defaultValue: error.message }) });
      else showError(error);
    } finally {
      setBusy(false);
    }
  };
  const field = (name, label, input, hint) => (
    <FormGroup label={label} fieldId={`circle-${name}`} isRequired={name === "slug" || name === "name"}>
      {input({ id: `circle-${name}`, value: form[name], onChange: set(name), "data-testid": `circle-form-${name}`,
        validated: errors[name] ? "error" : "default", ...(errors[name] || hint ? { "aria-describedby": `circle-${name}-help` } : {}) })}
      <Help id={`circle-${name}-help`} error={errors[name]} hint={hint} />
    </FormGroup>
  );
  const topics = topicOptions(interests);
  return (
    <Modal variant="medium" title={t("communityCircleFound")} isOpen onClose={onClose} data-testid="circle-form"
      actions={[
        <Button key="found" type="submit" form="circle-form" isLoading={busy} isDisabled={busy} data-testid="circle-form-submit">
          {t("communityCircleFoundSubmit")}
        </Button>,
        <Button key="cancel" variant="link" onClick={onClose} data-testid="circle-form-cancel">{t("cancel")}</Button>,
      ]}>
      <Form id="circle-form" onSubmit={submit}>
        {field("name", t("communityCircleName"), (p) => <TextInput {...p} isRequired maxLength={100} />)}
        {field("slug", t("communityCircleSlug"), (p) => <TextInput {...p} isRequired maxLength={40} />, t("communityCircleSlugHelp"))}
        {field("description", t("communityCircleDescription"), (p) => <TextArea {...p} maxLength={1000} resizeOrientation="vertical" />)}
        {field("visibility", t("communityCircleVisibility"), (p) => (
          <FormSelect {...p}>{VISIBILITIES.map((v) => <FormSelectOption key={v} value={v} label={t(`communityCircleVisibility.${v}`)} />)}</FormSelect>
        ))}
        {field("joinPolicy", t("communityCircleJoinPolicy"), (p) => (
          <FormSelect {...p}>{POLICIES.map((v) => <FormSelectOption key={v} value={v} label={t(`communityCircleJoinPolicy.${v}`)} />)}</FormSelect>
        ))}
        {topics.length > 0 && field("topic", t("communityCircleTopic"), (p) => (
          <FormSelect {...p}>
            <FormSelectOption value="" label={t("communityCircleNoTopic")} />
            {topics.map((v) => <FormSelectOption key={v} value={v} label={topicLabel(t, interests, v)} />)}
          </FormSelect>
        ))}
      </Form>
    </Modal>
  );
};
