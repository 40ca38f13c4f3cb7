/**
 * My questions: the whole pool (starter bank and the learner's own) to search, filter, preview,
 * edit (a bank item's edit becomes an override row), delete with Undo (deleted items can be
 * restored later, bank items too), and report. Below: the reports, and a pointer to the backup
 * (Settings → Backup: export and import of everything, the labs' work included).
 *
 * The learner's own case studies are listed first as groups (CaseSetsPanel, CaseGroup,
 * ScenarioEditor): title, scenario preview, its questions, edit the scenario, delete with Undo.
 *
 * The parts live in ./manage: the list (QuestionList, EntryRow, ReportForm) and the reports
 * (ReportsList).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { allReports, questionRows } from '../../db/questions';
import { plural } from '../../lib/format';
import { BANK } from './bank';
import { BackupSettingsLink } from '../settings/backup/BackupSettingsLink';
import { CaseSetsPanel } from './manage/CaseSetsPanel';
import { NoticeLine, type Notice } from './manage/notice';
import { QuestionList } from './manage/QuestionList';
import { ReportsList } from './manage/ReportsList';
import { useQuestionList } from './manage/use-question-list';
import './generate-manage.css';

export function ManageView() {
  const rows = useLiveQuery(questionRows, []);
  const reports = useLiveQuery(allReports, []);
  const [notice, setNotice] = useState<Notice | null>(null);
  const list = useQuestionList(rows, reports);
  const { counts } = list;
  return (
    <div className="manage-view">
      <p className="muted">
        {plural(list.entries.length - counts.deleted, 'question')}: {BANK.length} in the starter
        bank
        {counts.edited ? ` (${counts.edited} edited by you)` : ''}, {counts.own} of your own
        {counts.deleted ? `, ${counts.deleted} deleted` : ''}.
      </p>
      {notice ? <NoticeLine notice={notice} setNotice={setNotice} /> : null}
      <CaseSetsPanel list={list} notify={setNotice} />
      <QuestionList list={list} loading={rows === undefined} notify={setNotice} />
      <ReportsList reports={reports ?? []} stems={list.stems} notify={setNotice} />
      <p className="muted small" data-testid="backup-pointer">
        To export or import everything (questions, answers and the labs&rsquo; work), go to{' '}
        <BackupSettingsLink>Settings → Backup</BackupSettingsLink>.
      </p>
    </div>
  );
}
