// Running a circle, for its owners, moderators and staff: requests to approve or reject, inviting by handle,
// open invitations and bans; on each member, remove, ban with a reason and (owners) the role. The server
// decides who may act on whom; the page only leaves out what it would refuse.
import {
  Button, Card, CardBody, CardTitle, Flex, FlexItem, FormSelect, FormSelectOption, Modal, TextArea, TextInput, Title,
} from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCommunityApi } from "../community/api.js";
import { Table, formatDate } from "../community/format.jsx";
import { useCommunityRead } from "../members/common.jsx";
import { MemberName, circlePath, useAction } from "./common.jsx";

const RUNNERS = ["owner", "moderator", "staff"];
const HEADINGS = { requested: "communityCircleRequests", invited: "communityCircleInvitations", banned: "communityCircleBans" };
export const moderates = (you) => you?.status === "active" && RUNNERS.includes(you.role);
/** Owners act on anyone but staff; moderators and staff on members and recognized members. */
const mayActOn = (myRole, role) => (myRole === "owner" ? role !== "staff" : ["member", "recognized"].includes(role));

const Rows = ({ circle, status, version, onChange }) => {
  const { t, i18n } = useTranslation();
  const api = useCommunityApi();
  const act = useAction(onChange);
  const answer = useCommunityRead(`${circlePath(circle.slug)}/members?status=${status}&max=100`, version);
  const rows = answer.data ?? [];
  if (rows.length === 0) return null;
  const member = (m) => `${circlePath(circle.slug)}/members/${encodeURIComponent(m.userId)}`;
  const button = (label, onClick, testid, variant = "secondary") => (
    <Button key={testid} size="sm" variant={variant} className="pf-v5-u-mr-sm" onClick={onClick} data-testid={testid}>{t(label)}</Button>
  );
  const actions = (m) => ({
    requested: [button("communityCircleApprove", act(() => api.post(`${member(m)}/approve`), "communityCircleApproved"), "circle-approve", "primary"),
      button("communityCircleReject", act(() => api.post(`${member(m)}/reject`), "communityCircleRejected"), "circle-reject")],
    invited: [button("communityCircleWithdraw", act(() => api.remove(member(m)), "communityCircleRemoved"), "circle-uninvite")],
    banned: [button("communityCircleUnban", act(() => api.remove(`${circlePath(circle.slug)}/bans/${encodeURIComponent(m.userId)}`),
      "communityCircleUnbanned"), "circle-unban")],
  })[status];
  const headers = [t("communityLeaderboardMember"), t("communitySince"), ...(status === "banned" ? [t("communityReason")] : []),
    t("communityCircleAction")];
  return (
    <div className="pf-v5-u-mb-md" data-testid={`circle-${status}`}>
      <Title headingLevel="h3" className="pf-v5-u-mb-sm">{t(HEADINGS[status])}</Title>
      <Table label={t(HEADINGS[status])} testid={`circle-${status}-table`} headers={headers}
        rowProps={(i) => ({ "data-testid": `circle-${status}-row`, "data-user": rows[i].userId })}
        rows={rows.map((m) => [<MemberName key="n" member={m} />, formatDate(m.since, i18n.language),
          ...(status === "banned" ? [m.reason] : []), m.userId ? actions(m) : null])} />
    </div>
  );
};

export const Moderation = ({ circle, version, onChange }) => {
  const { t } = useTranslation();
  const api = useCommunityApi();
  const [handle, setHandle] = useState("");
  const act = useAction(() => { setHandle(""); onChange(); });
  const invite = (event) => {
    event.preventDefault();
    act(() => api.post(`${circlePath(circle.slug)}/invitations`, { handle: handle.trim().replace(/^@/, "") }), "communityCircleInvited")();
  };
  return (
    <Card data-testid="circle-moderation">
      <CardTitle component="h2">{t("communityCircleModeration")}</CardTitle>
      <CardBody>
        {["requested", "invited", "banned"].map((s) => <Rows key={s} circle={circle} status={s} version={version} onChange={onChange} />)}
        <form onSubmit={invite}>
          <Flex alignItems={{ default: "alignItemsCenter" }}>
            <FlexItem>
              <TextInput value={handle} onChange={(_, v) => setHandle(v)} aria-label={t("communityCircleInviteHandle")}
                placeholder={t("communityCircleInviteHandle")} maxLength={100} data-testid="circle-invite-handle" />
            </FlexItem>
            <FlexItem>
              <Button type="submit" variant="secondary" isDisabled={!handle.trim()} data-testid="circle-invite">{t("communityCircleInvite")}</Button>
            </FlexItem>
          </Flex>
        </form>
      </CardBody>
    </Card>
  );
};

/** Remove, ban (with a reason) and, for owners, the role of one member of the list. */
export const MemberActions = ({ circle, member, me, onChange }) => {
  const { t } = useTranslation();
  const api = useCommunityApi();
  const [banning, setBanning] = useState(false);
  const [reason, setReason] = useState("");
  const act = useAction(() => { setBanning(false); onChange(); });
  const myRole = circle.you.role;
  if (!member.userId || member.userId === me || !mayActOn(myRole, member.role)) return null;
  const path = `${circlePath(circle.slug)}/members/${encodeURIComponent(member.userId)}`;
  const name = member.displayName || member.handle;
  return (
    <Flex spaceItems={{ default: "spaceItemsSm" }} alignItems={{ default: "alignItemsCenter" }}>
      {myRole === "owner" && (
        <FormSelect value={member.role} aria-label={t("communityCircleRoleOf", { name })} data-testid="circle-role"
          onChange={(_, role) => act(() => api.put(`${path}/role`, { role }), "communityCircleRoleChanged")()}>
          {["member", "moderator", "owner"].map((r) => <FormSelectOption key={r} value={r} label={t(`communityCircleRole.${r}`)} />)}
        </FormSelect>
      )}
      <Button size="sm" variant="secondary" onClick={act(() => api.remove(path), "communityCircleRemoved")} data-testid="circle-remove">
        {t("communityCircleRemove")}<span className="pf-v5-screen-reader"> ({name})</span>
      </Button>
      <Button size="sm" variant="danger" onClick={() => setBanning(true)} data-testid="circle-ban">
        {t("communityCircleBan")}<span className="pf-v5-screen-reader"> ({name})</span>
      </Button>
      <Modal variant="small" title={t("communityCircleBanTitle", { name })} isOpen={banning} onClose={() => setBanning(false)}
        data-testid="circle-ban-dialog"
        actions={[
          <Button key="ban" variant="danger" isDisabled={!reason.trim()} data-testid="circle-ban-confirmed"
            onClick={act(() => api.put(`${circlePath(circle.slug)}/bans/${encodeURIComponent(member.userId)}`, { reason }), "communityCircleBanned")}>
            {t("communityCircleBan")}
          </Button>,
          <Button key="cancel" variant="link" onClick={() => setBanning(false)}>{t("cancel")}</Button>,
        ]}>
        <TextArea value={reason} onChange={(_, v) => setReason(v)} aria-label={t("communityReason")} maxLength={500}
          placeholder={t("communityReason")} data-testid="circle-ban-reason" />
      </Modal>
    </Flex>
  );
};
