// The assessments list is the team's case list (renderer/src/caselist/): search, filters, sort, virtualised.
export { CaseListScreen as AssessmentsScreen } from '../caselist/CaseListScreen';
