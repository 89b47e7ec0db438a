import { BadUserInput, namesCommune, type RequestContext } from '@communes/kit';
import type { CategoryInput } from './generated/graphql';
import { authoriseWrite } from '@communes/kit';
import { ROLES } from './access';
import { Category } from './category.entity';
import { checkCategoryInput } from './category-input';
import { Item } from './item.entity';
import { Problems } from './validation';

export async function listCategories(
  ctx: RequestContext,
  communes: readonly string[] | null | undefined,
): Promise<Category[]> {
  if (!namesCommune(communes, ctx.commune.code)) return [];
  return ctx.db.getRepository(Category).find({ order: { code: 'ASC' } });
}

/**
 * Creates or renames a category and sets its topic. Items follow the mapping: a category moved
 * to another topic moves its items with it, in the same transaction.
 */
export async function setCategory(
  ctx: RequestContext,
  commune: string,
  input: CategoryInput,
): Promise<Category> {
  authoriseWrite(ctx, commune, ROLES.admin);
  const problems = new Problems();
  const value = checkCategoryInput(input, problems);
  if (!problems.empty) throw new BadUserInput(problems.list);
  return ctx.db.transaction(async (tx) => {
    const category = Object.assign(new Category(), {
      code: value.code,
      name: value.name,
      topicCode: value.topic,
      updatedAt: new Date(),
    });
    await tx.save(category);
    await tx
      .createQueryBuilder()
      .update(Item)
      .set({ topicCode: value.topic })
      .where('category_code = :code AND topic_code <> :topic', {
        code: value.code,
        topic: value.topic,
      })
      .execute();
    return category;
  });
}
