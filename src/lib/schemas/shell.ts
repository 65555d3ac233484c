import type { Role } from "@/lib/domain/roles";

export interface OrganizationChoiceDto {
  id: string;
  name: string;
  role: Role;
}
