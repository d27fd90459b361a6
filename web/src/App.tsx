import { type ComponentType, lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { useMe } from './api/session.ts';
import { storedLanguage } from './i18n/index.ts';
// In the first download like the home: the self-check's page paints at once, its form follows.
import SelfCheck from './modules/youth/SelfCheck.tsx';
import { Home } from './shell/Home.tsx';
import { Layout } from './shell/Layout.tsx';

// Every page but the home loads on demand (Layout's Suspense shows a light line meanwhile): the
// first download is the shell and the home, whatever else is added, so cheap phones start fast.
// The account forms carry the contracts' Zod schemas and react-hook-form: loaded when opened.
// Pages exported by name are picked out of their module with `named`.
const named = <K extends string, M extends Record<K, ComponentType>>(load: () => Promise<M>, key: K) =>
  lazy(() => load().then((m) => ({ default: m[key] })));
const AdministrationHome = named(
  () => import('./modules/administration/AdministrationHome.tsx'),
  'AdministrationHome',
);
const Budget = named(() => import('./modules/administration/Budget.tsx'), 'Budget');
const FacilitiesPage = named(() => import('./modules/administration/FacilitiesPage.tsx'), 'FacilitiesPage');
const PlanTable = named(() => import('./modules/administration/PlanTable.tsx'), 'PlanTable');
const Staffing = named(() => import('./modules/administration/Staffing.tsx'), 'Staffing');
const Governance = named(() => import('./modules/governance/Governance.tsx'), 'Governance');
const Deliberations = lazy(() => import('./modules/governance/Deliberations.tsx'));
const DeliberationPage = lazy(() => import('./modules/governance/DeliberationPage.tsx'));
const StaffStatements = lazy(() => import('./modules/governance/StaffStatements.tsx'));
const StaffModerationQueue = lazy(() => import('./modules/governance/moderation/StaffModerationQueue.tsx'));
const MyHiddenPosts = lazy(() => import('./modules/governance/moderation/MyHiddenPosts.tsx'));
const Processes = lazy(() => import('./modules/governance/processes/Processes.tsx'));
const ProcessPage = lazy(() => import('./modules/governance/processes/ProcessPage.tsx'));
const NewProposal = lazy(() => import('./modules/governance/processes/NewProposal.tsx'));
const ProposalPage = lazy(() => import('./modules/governance/processes/ProposalPage.tsx'));
const StaffProcessForm = lazy(() => import('./modules/governance/processes/StaffProcessForm.tsx'));
const DebatePage = lazy(() => import('./modules/governance/debates/DebatePage.tsx'));
const NewDebate = lazy(() => import('./modules/governance/debates/NewDebate.tsx'));
const ProjectList = lazy(() => import('./modules/governance/projects/ProjectList.tsx'));
const GovProjectPage = lazy(() => import('./modules/governance/projects/ProjectPage.tsx'));
const GroupSpace = lazy(() => import('./modules/governance/projects/GroupSpace.tsx'));
const StaffProjectForm = lazy(() => import('./modules/governance/projects/StaffProjectForm.tsx'));
const Polls = lazy(() => import('./modules/governance/polls/Polls.tsx'));
const PollPage = lazy(() => import('./modules/governance/polls/PollPage.tsx'));
const StaffPolls = lazy(() => import('./modules/governance/polls/StaffPolls.tsx'));
const SocialEconomy = named(() => import('./modules/social-economy/SocialEconomy.tsx'), 'SocialEconomy');
const Youth = named(() => import('./modules/youth/Youth.tsx'), 'Youth');
const AccountDeleted = named(() => import('./platform/auth/AccountDeleted.tsx'), 'AccountDeleted');
const Notifications = named(() => import('./platform/notify/Notifications.tsx'), 'Notifications');
const Privacy = named(() => import('./platform/privacy/Privacy.tsx'), 'Privacy');
const Search = named(() => import('./platform/search/Search.tsx'), 'Search');
const NotFound = named(() => import('./shell/NotFound.tsx'), 'NotFound');
const Login = lazy(() => import('./platform/auth/Login.tsx'));
const SignUp = lazy(() => import('./platform/auth/SignUp.tsx'));
const ResetPassword = lazy(() => import('./platform/auth/ResetPassword.tsx'));
const VerifyEmail = lazy(() => import('./platform/auth/VerifyEmail.tsx'));
const MyPage = lazy(() => import('./platform/me/MyPage.tsx'));
const Unsubscribe = lazy(() => import('./platform/notify/Unsubscribe.tsx'));
const AdminHome = lazy(() => import('./platform/admin/AdminHome.tsx'));
const Audit = lazy(() => import('./platform/admin/Audit.tsx'));
const Mailbox = lazy(() => import('./platform/admin/Mailbox.tsx'));
const Users = lazy(() => import('./platform/admin/Users.tsx'));
const OrganizationSettings = lazy(() => import('./platform/admin/OrganizationSettings.tsx'));
const AccessLog = lazy(() => import('./platform/admin/AccessLog.tsx'));
const StaffHome = lazy(() => import('./platform/staff/StaffHome.tsx'));
const YouthPolicyList = lazy(() => import('./modules/youth/PolicyList.tsx'));
const YouthPolicyDetail = lazy(() => import('./modules/youth/PolicyDetail.tsx'));
const YouthForMe = lazy(() => import('./modules/youth/ForMe.tsx'));
const YouthMyAlerts = lazy(() => import('./modules/youth/alerts/MyAlerts.tsx'));
const YouthMyQuestions = lazy(() => import('./modules/youth/questions/MyQuestions.tsx'));
const YouthQuestionInbox = lazy(() => import('./modules/youth/questions/QuestionInbox.tsx'));
const YouthSuggestions = lazy(() => import('./modules/youth/suggestions/SuggestionList.tsx'));
const YouthNewSuggestion = lazy(() => import('./modules/youth/suggestions/NewSuggestion.tsx'));
const YouthMySuggestions = lazy(() => import('./modules/youth/suggestions/MySuggestions.tsx'));
const YouthManageSuggestions = lazy(() => import('./modules/youth/suggestions/ManageSuggestions.tsx'));
const YouthStaffPolicies = lazy(() => import('./modules/youth/staff/StaffPolicies.tsx'));
const YouthPolicyEditor = lazy(() => import('./modules/youth/staff/PolicyEditor.tsx'));
const YouthImportPolicies = lazy(() => import('./modules/youth/staff/ImportPolicies.tsx'));
const YouthAlertStats = lazy(() => import('./modules/youth/staff/AlertStats.tsx'));
const BookingHome = lazy(() => import('./modules/booking/BookingHome.tsx'));
const BookingResource = lazy(() => import('./modules/booking/ResourcePage.tsx'));
const MyBookings = lazy(() => import('./modules/booking/MyBookings.tsx'));
const StaffBookings = lazy(() => import('./modules/booking/StaffBookings.tsx'));
const BookingCheckIn = lazy(() => import('./modules/booking/CheckIn.tsx'));
const BookingKiosk = lazy(() => import('./modules/booking/Kiosk.tsx'));
const BookingAppeals = lazy(() => import('./modules/booking/Appeals.tsx'));
const BookingStaffStats = lazy(() => import('./modules/booking/StaffStats.tsx'));
const StaffResources = lazy(() => import('./modules/booking/StaffResources.tsx'));
const StaffResourceEdit = lazy(() => import('./modules/booking/StaffResourceEdit.tsx'));
const StaffResourceNew = lazy(() => import('./modules/booking/StaffResourceNew.tsx'));
const StaffPlaceEdit = lazy(() =>
  import('./modules/booking/StaffResourceEdit.tsx').then((m) => ({ default: m.StaffPlaceEditPage })),
);
const ProgramList = lazy(() => import('./modules/booking/programs/ProgramList.tsx'));
const ProgramPage = lazy(() => import('./modules/booking/programs/ProgramPage.tsx'));
const StaffPrograms = lazy(() => import('./modules/booking/programs/StaffPrograms.tsx'));
const StaffProgram = lazy(() => import('./modules/booking/programs/StaffProgram.tsx'));
const StaffProgramEdit = lazy(() => import('./modules/booking/programs/StaffProgramEdit.tsx'));
const LotteryDraw = lazy(() => import('./modules/booking/programs/LotteryDraw.tsx'));
const RollCall = lazy(() => import('./modules/booking/programs/RollCall.tsx'));
const MyRegistrations = lazy(() => import('./modules/booking/programs/MyRegistrations.tsx'));

export function App() {
  const { i18n } = useTranslation();
  const me = useMe();
  // Someone who never chose a language in this browser gets the one saved on their account.
  useEffect(() => {
    if (me.data && !storedLanguage() && me.data.locale !== i18n.language) i18n.changeLanguage(me.data.locale);
  }, [me.data, i18n]);
  return (
    <Routes>
      {/* A place's check-in kiosk fills the tablet's screen: no header, menu or footer. */}
      <Route
        path="booking/kiosk/:placeId?"
        element={
          <Suspense fallback={null}>
            <BookingKiosk />
          </Suspense>
        }
      />
      <Route element={<Layout />}>
        <Route index element={<Home />} />
        <Route path="youth" element={<Youth />} />
        <Route path="youth/policies" element={<YouthPolicyList />} />
        <Route path="youth/policies/:id" element={<YouthPolicyDetail />} />
        <Route path="youth/check" element={<SelfCheck />} />
        <Route path="youth/for-me" element={<YouthForMe />} />
        <Route path="youth/alerts" element={<YouthMyAlerts />} />
        <Route path="youth/questions/mine" element={<YouthMyQuestions />} />
        <Route path="youth/questions/inbox" element={<YouthQuestionInbox />} />
        <Route path="youth/suggestions" element={<YouthSuggestions />} />
        <Route path="youth/suggestions/new" element={<YouthNewSuggestion />} />
        <Route path="youth/suggestions/mine" element={<YouthMySuggestions />} />
        <Route path="youth/suggestions/manage" element={<YouthManageSuggestions />} />
        <Route path="youth/staff/policies" element={<YouthStaffPolicies />} />
        <Route path="youth/staff/policies/new" element={<YouthPolicyEditor />} />
        <Route path="youth/staff/policies/:id" element={<YouthPolicyEditor />} />
        <Route path="youth/staff/import" element={<YouthImportPolicies />} />
        <Route path="youth/staff/alerts" element={<YouthAlertStats />} />
        <Route path="booking" element={<BookingHome />} />
        <Route path="booking/resources/:id" element={<BookingResource />} />
        <Route path="booking/mine" element={<MyBookings />} />
        <Route path="booking/staff" element={<StaffBookings />} />
        <Route path="booking/staff/checkin" element={<BookingCheckIn />} />
        <Route path="booking/staff/appeals" element={<BookingAppeals />} />
        <Route path="booking/staff/stats" element={<BookingStaffStats />} />
        <Route path="booking/staff/resources" element={<StaffResources />} />
        <Route path="booking/staff/resources/new" element={<StaffResourceNew />} />
        <Route path="booking/staff/resources/:id" element={<StaffResourceEdit />} />
        <Route path="booking/staff/places/:id" element={<StaffPlaceEdit />} />
        <Route path="booking/programs" element={<ProgramList />} />
        <Route path="booking/programs/mine" element={<MyRegistrations />} />
        <Route path="booking/programs/:id" element={<ProgramPage />} />
        <Route path="booking/staff/programs" element={<StaffPrograms />} />
        <Route path="booking/staff/programs/new" element={<StaffProgramEdit />} />
        <Route path="booking/staff/programs/:id" element={<StaffProgram />} />
        <Route path="booking/staff/programs/:id/edit" element={<StaffProgramEdit />} />
        <Route path="booking/staff/programs/:id/draw" element={<LotteryDraw />} />
        <Route path="booking/staff/programs/:id/sessions/:sessionId" element={<RollCall />} />
        <Route path="governance" element={<Governance />} />
        <Route path="governance/deliberations" element={<Deliberations />} />
        <Route path="governance/deliberations/:id" element={<DeliberationPage />} />
        <Route path="governance/staff/statements" element={<StaffStatements />} />
        <Route path="governance/staff/moderation" element={<StaffModerationQueue />} />
        <Route path="governance/moderation/mine" element={<MyHiddenPosts />} />
        <Route path="governance/processes" element={<Processes />} />
        <Route path="governance/processes/:id" element={<ProcessPage />} />
        <Route path="governance/processes/:id/propose" element={<NewProposal />} />
        <Route path="governance/proposals/:id" element={<ProposalPage />} />
        <Route path="governance/staff/processes/new" element={<StaffProcessForm />} />
        <Route path="governance/staff/processes/:id" element={<StaffProcessForm />} />
        <Route path="governance/debates/:id" element={<DebatePage />} />
        <Route path="governance/staff/processes/:id/debates/new" element={<NewDebate />} />
        <Route path="governance/projects" element={<ProjectList />} />
        <Route path="governance/projects/:id" element={<GovProjectPage />} />
        <Route path="governance/projects/:id/space" element={<GroupSpace />} />
        <Route path="governance/staff/projects/new" element={<StaffProjectForm />} />
        <Route path="governance/polls" element={<Polls />} />
        <Route path="governance/polls/:id" element={<PollPage />} />
        <Route path="governance/staff/polls" element={<StaffPolls />} />
        <Route path="social-economy" element={<SocialEconomy />} />
        <Route path="administration" element={<AdministrationHome />} />
        <Route path="administration/staffing" element={<Staffing />} />
        <Route path="administration/budget" element={<Budget />} />
        <Route path="administration/plan" element={<PlanTable />} />
        <Route path="administration/facilities" element={<FacilitiesPage />} />
        <Route path="privacy" element={<Privacy />} />
        <Route path="signup" element={<SignUp />} />
        <Route path="login" element={<Login />} />
        <Route path="verify-email" element={<VerifyEmail />} />
        <Route path="reset-password" element={<ResetPassword />} />
        <Route path="account-deleted" element={<AccountDeleted />} />
        <Route path="my" element={<MyPage />} />
        <Route path="unsubscribe" element={<Unsubscribe />} />
        <Route path="notifications" element={<Notifications />} />
        <Route path="search" element={<Search />} />
        <Route path="staff" element={<StaffHome />} />
        <Route path="admin" element={<AdminHome />} />
        <Route path="admin/audit" element={<Audit />} />
        <Route path="admin/mailbox" element={<Mailbox />} />
        <Route path="admin/mailbox/:id" element={<Mailbox />} />
        <Route path="admin/users" element={<Users />} />
        <Route path="admin/organization" element={<OrganizationSettings />} />
        <Route path="admin/access-log" element={<AccessLog />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
