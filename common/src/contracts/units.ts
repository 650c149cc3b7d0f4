import { z } from 'zod';
import { defineContract } from '../contract';
import {
  Unit,
  UnitIdParams,
  UnitStaff,
  UnitsCreateBody,
  UnitsListQuery,
  UnitsRouteAppealBody,
  UnitsUpdateBody,
} from '../units';

export const UnitsListResponse = z.object({ items: z.array(Unit) });
export const UnitStaffResponse = z.object({ items: z.array(UnitStaff) });

/** `/units`: the handling units — departments, town offices, village committees, stations, the CPPCC office. */
export const unitsApi = {
  list: defineContract({
    method: 'GET',
    path: '/units',
    tag: 'units',
    summary: 'Handling units the caller reaches',
    query: UnitsListQuery,
    response: UnitsListResponse,
  }),
  get: defineContract({
    method: 'GET',
    path: '/units/:id',
    tag: 'units',
    params: UnitIdParams,
    response: Unit,
  }),
  create: defineContract({
    method: 'POST',
    path: '/units',
    tag: 'units',
    body: UnitsCreateBody,
    response: Unit,
    status: 201,
  }),
  update: defineContract({
    method: 'PATCH',
    path: '/units/:id',
    tag: 'units',
    params: UnitIdParams,
    body: UnitsUpdateBody,
    response: Unit,
  }),
  routeAppeal: defineContract({
    method: 'POST',
    path: '/units/:id/appeals',
    tag: 'units',
    summary: 'Route an appeal to a handling unit: its staff then see it (dispatch builds on this)',
    params: UnitIdParams,
    body: UnitsRouteAppealBody,
  }),
  listStaff: defineContract({
    method: 'GET',
    path: '/units/:id/staff',
    tag: 'units',
    summary: 'The accounts bound to a unit',
    params: UnitIdParams,
    response: UnitStaffResponse,
  }),
};
