import { type CalendarYearsPutBody, calendarApi } from '@lianxin/common';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export const calendarKey = ['calendar'] as const;

/** The loaded years and the warnings about this and next year. */
export function useCalendarYears() {
  return useQuery({
    queryKey: [...calendarKey, 'years'],
    queryFn: () => api(calendarApi.listYears, {}),
  });
}

/** One year's holidays and make-up working days (none when the year is not entered). */
export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: [...calendarKey, 'year', year],
    queryFn: () => api(calendarApi.getYear, { params: { year } }),
  });
}

export function useSaveCalendarYear(year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CalendarYearsPutBody) => api(calendarApi.putYear, { params: { year }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarKey }),
  });
}
