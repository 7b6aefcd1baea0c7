/** The platforms an AppSpec can target; shared by every knowledge table. */

export type AppSpecPlatform = 'ec2' | 'ecs' | 'lambda';
