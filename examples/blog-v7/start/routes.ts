import router from '@adonisjs/core/services/router'

const UsersController = () => import('#controllers/users_controller')
const PostsController = () => import('#controllers/posts_controller')
const CategoriesController = () => import('#controllers/categories_controller')

router.get('/users/:id', [UsersController, 'show'])
router.get('/users', [UsersController, 'index'])
router.get('/posts', [PostsController, 'index'])
router.get('/posts/:id/comments', [PostsController, 'comments'])
router.get('/categories', [CategoriesController, 'tree'])
