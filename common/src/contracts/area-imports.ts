import { AreaImportPlan, AreaImportQuery } from '../area-import';
import { defineContract } from '../contract';

/** `/area-imports`: the area tree from the statistical division codes, checked or written. */
export const areaImportsApi = {
  upload: defineContract({
    method: 'POST',
    path: '/area-imports',
    tag: 'areas',
    summary:
      'Upload an area list (.xlsx or .csv with 代码 and 名称, the raw file as the body); answers the plan, and writes it when dryRun=false and it has no problems',
    query: AreaImportQuery,
    bodyKind: 'binary',
    response: AreaImportPlan,
  }),
};
