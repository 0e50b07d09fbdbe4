// A question before something that cannot simply be undone (leaving the community, leaving a circle).
import { Button, Modal } from "@patternfly/react-core";
import { useTranslation } from "react-i18next";

export const Confirm = ({ title, confirm, isOpen, onConfirm, onCancel, testid, children }) => {
  const { t } = useTranslation();
  return (
    <Modal variant="small" title={title} titleIconVariant="warning" isOpen={isOpen} onClose={onCancel} data-testid={`${testid}-confirm`}
      actions={[
        <Button key="confirm" variant="danger" onClick={onConfirm} data-testid={`${testid}-confirmed`}>{confirm}</Button>,
        <Button key="cancel" variant="link" onClick={onCancel} data-testid={`${testid}-cancel`}>{t("cancel")}</Button>,
      ]}>
      {children}
    </Modal>
  );
};
