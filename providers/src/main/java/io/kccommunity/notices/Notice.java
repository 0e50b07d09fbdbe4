package io.kccommunity.notices;

/**
 * The emails the community sends a member. Each names its template ({@code html/} and {@code text/}
 * {@code <template>.ftl} in theme-resources, so they work with any email theme) and the message key of
 * its subject; the subject's one argument is the community's name.
 */
public enum Notice {
    MEMBERSHIP_APPROVED("community-membership-approved", "communityNoticeApprovedSubject"),
    NOMINATED("community-nominated", "communityNoticeNominatedSubject"),
    ELECTED("community-elected", "communityNoticeElectedSubject"),
    PROMOTED("community-promoted", "communityNoticePromotedSubject"),
    TERM_ENDING("community-term-ending", "communityNoticeTermEndingSubject"),
    CIRCLE_REQUEST_APPROVED("community-circle-request-approved", "communityNoticeCircleJoinedSubject"),
    CIRCLE_REQUEST_REJECTED("community-circle-request-rejected", "communityNoticeCircleDeclinedSubject"),
    CIRCLE_INVITED("community-circle-invited", "communityNoticeCircleInvitedSubject"),
    CIRCLE_APPROVED("community-circle-approved", "communityNoticeCircleApprovedSubject"),
    CIRCLE_REJECTED("community-circle-rejected", "communityNoticeCircleRejectedSubject");

    final String template;
    final String subjectKey;

    Notice(String template, String subjectKey) {
        this.template = template;
        this.subjectKey = subjectKey;
    }
}
